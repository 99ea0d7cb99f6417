import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Field } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { useMe } from '../../../lib/auth';
import { ApiProblem } from '../../../lib/problem';
import { mayRunExperiments } from '../../../lib/roles';
import { useCreateExperiment } from '../api/experiments';
import { buildExperiment, isoToLocal, localZone, placeProblems, type ExperimentForm, type FormErrors, type FormField } from '../api/form';
import { useComparableVersions, versionOption, type SegmentVersions } from '../api/versions';

/** From the next full hour, for two weeks: a usual first window. */
function initialForm(segment: string, segments: SegmentVersions[]): ExperimentForm {
  const start = new Date();
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  const end = new Date(start.getTime() + 14 * 24 * 3600_000);
  const chosen = segments.find((s) => s.segment === segment) ?? segments[0];
  return {
    name: '',
    segment: chosen?.segment ?? '',
    control: chosen?.versions.find((v) => v.active)?.id ?? '',
    variant: '',
    sharePercent: '20',
    from: isoToLocal(start),
    to: isoToLocal(end),
    assignmentKey: 'order',
  };
}

/** /experiments/new — for analysts and admins. */
export function ExperimentCreate() {
  const me = useMe();
  const versions = useComparableVersions();
  const [search] = useSearchParams();
  if (!mayRunExperiments(me.role)) {
    return <p className="notice notice-warn" role="alert">Only analysts and administrators create experiments. <Link to="/experiments">Back to experiments</Link></p>;
  }
  if (versions.isPending) return <Loading what="the segments and their versions" />;
  if (versions.isError) return <ProblemNotice problem={versions.error} />;
  return <CreateForm segments={versions.data} initial={initialForm(search.get('segment') ?? '', versions.data)} />;
}

function CreateForm({ segments, initial }: { segments: SegmentVersions[]; initial: ExperimentForm }) {
  const navigate = useNavigate();
  const create = useCreateExperiment();
  const [form, setForm] = useState(initial);
  const [clientErrors, setClientErrors] = useState<FormErrors>({});
  /** Fields changed since the service answered: its problems there no longer apply. */
  const [changed, setChanged] = useState<Set<FormField>>(new Set());

  const versions = segments.find((s) => s.segment === form.segment)?.versions ?? [];
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const placed = placeProblems(problem?.errors ?? []);
  const serverErrors: FormErrors = {};
  for (const [field, messages] of Object.entries(placed.atFields) as [FormField, string[]][]) {
    if (!changed.has(field)) serverErrors[field] = messages;
  }
  const errorsAt = (field: FormField) => [...(clientErrors[field] ?? []), ...(serverErrors[field] ?? [])];
  const notice = problem ? new ApiProblem(problem.status, { ...problem.body, errors: placed.elsewhere }) : create.error;
  const fieldCount = Object.keys(clientErrors).length + Object.keys(serverErrors).length;

  function set<K extends keyof ExperimentForm>(key: K, value: ExperimentForm[K]) {
    setForm((f) => {
      const next = { ...f, [key]: value };
      if (key === 'segment') {
        // Versions belong to a segment: a new segment starts from its version in force.
        const list = segments.find((s) => s.segment === value)?.versions ?? [];
        next.control = list.find((v) => v.active)?.id ?? '';
        next.variant = '';
      }
      return next;
    });
    // Related fields are checked together: their problems go with the change.
    const touched: FormField[] = key === 'segment' ? ['segment', 'control', 'variant']
      : key === 'from' || key === 'to' ? ['from', 'to', 'window'] : [key];
    setChanged((c) => new Set([...c, ...touched]));
    setClientErrors((errors) => {
      const rest = { ...errors };
      for (const field of touched) delete rest[field];
      return rest;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const { body, errors } = buildExperiment(form);
    setClientErrors(errors);
    if (!body) {
      create.reset();
      return;
    }
    setChanged(new Set());
    create.mutate(body, { onSuccess: (experiment) => navigate(`/experiments/${encodeURIComponent(experiment.id)}`) });
  }

  const zone = localZone();
  return (
    <section aria-labelledby="new-experiment-title" className="exp exp-create">
      <p className="muted exp-crumb"><Link to="/experiments">Experiments</Link> / new</p>
      <h1 id="new-experiment-title">New experiment</h1>
      <form className="card exp-form" onSubmit={submit} noValidate aria-describedby={fieldCount ? 'exp-form-summary' : undefined}>
        {fieldCount > 0 && <p id="exp-form-summary" className="field-error">Please check the fields marked below.</p>}
        <Field label="Name" error={errorsAt('name')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={form.name} onChange={(e) => set('name', e.target.value)} />
          )}
        </Field>
        <Field label="Segment" error={errorsAt('segment')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={form.segment} onChange={(e) => set('segment', e.target.value)}>
              {segments.length === 0 && <option value="">No segment has a rule set yet</option>}
              {segments.map((s) => <option key={s.segment} value={s.segment}>{s.segment}</option>)}
            </select>
          )}
        </Field>
        {form.segment && versions.length < 2 && (
          <p className="notice notice-warn">
            {form.segment} has {versions.length === 0 ? 'no published version' : 'one published version only'}: an experiment compares two.
            Publish another version first.
          </p>
        )}
        <div className="exp-form-row">
          <Field label="Control (the version to compare against)" error={errorsAt('control')}>
            {({ id, describedBy, invalid }) => (
              <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={form.control} onChange={(e) => set('control', e.target.value)}>
                <option value="">Choose a version</option>
                {versions.map((v) => <option key={v.id} value={v.id}>{versionOption(v)}</option>)}
              </select>
            )}
          </Field>
          <Field label="Variant (the version to try)" error={errorsAt('variant')}>
            {({ id, describedBy, invalid }) => (
              <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={form.variant} onChange={(e) => set('variant', e.target.value)}>
                <option value="">Choose a version</option>
                {versions.map((v) => <option key={v.id} value={v.id}>{versionOption(v)}</option>)}
              </select>
            )}
          </Field>
        </div>
        <div className="exp-form-row">
          <Field label="Share of orders for the variant (%)" error={errorsAt('sharePercent')}
            help={`Live only: this share of ${form.segment || 'the segment'}’s orders is decided by the variant, the rest by the control.`}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} type="number" inputMode="decimal" min={0.1} max={100} step="any"
                className="exp-share" value={form.sharePercent} onChange={(e) => set('sharePercent', e.target.value)} />
            )}
          </Field>
          <Field label="Assign by" error={errorsAt('assignmentKey')}
            help="By customer: all orders of one customer go to the same arm. By order: each order is assigned on its own.">
            {({ id, describedBy, invalid }) => (
              <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={form.assignmentKey}
                onChange={(e) => set('assignmentKey', e.target.value === 'customer' ? 'customer' : 'order')}>
                <option value="order">Order id</option>
                <option value="customer">Customer id</option>
              </select>
            )}
          </Field>
        </div>
        <fieldset className={errorsAt('window').length ? 'exp-window field-invalid' : 'exp-window'}>
          <legend>Window (your local time, {zone})</legend>
          <div className="exp-form-row">
            <Field label="From" error={errorsAt('from')}>
              {({ id, describedBy, invalid }) => (
                <input id={id} aria-describedby={describedBy} aria-invalid={invalid} type="datetime-local" value={form.from} onChange={(e) => set('from', e.target.value)} />
              )}
            </Field>
            <Field label="To" error={errorsAt('to')}>
              {({ id, describedBy, invalid }) => (
                <input id={id} aria-describedby={describedBy} aria-invalid={invalid} type="datetime-local" value={form.to} onChange={(e) => set('to', e.target.value)} />
              )}
            </Field>
          </div>
          {errorsAt('window').length > 0 && <div className="field-error" role="alert">{errorsAt('window').map((m, i) => <div key={i}>{m}</div>)}</div>}
          <p className="field-help">Live orders are split only inside the window; a replay uses it unless told otherwise.</p>
        </fieldset>
        <ProblemNotice problem={notice} onDismiss={() => create.reset()} />
        <div className="toolbar exp-form-actions">
          <Link className="btn" to="/experiments">Cancel</Link>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create experiment'}</button>
        </div>
      </form>
    </section>
  );
}
