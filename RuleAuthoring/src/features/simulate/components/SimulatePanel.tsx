import { useId, useState, type FormEvent } from 'react';
import { Field } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { versionLabel } from '../../../lib/format';
import { ApiProblem } from '../../../lib/problem';
import { buildOrderBody, formFromBody, parseOrderJson, sampleOrder, type FieldErrors, type OrderBody, type OrderForm } from '../api/order';
import { useSimulatedRuleSet, useSimulation, useVersionInForce } from '../api/simulate';
import { CompareSimulations } from './CompareSimulations';
import { OrderFields } from './OrderFields';
import { SimulationResult, answerLabel } from './SimulationResult';

type Mode = 'form' | 'json';

/** Field paths the form shows beside its inputs; other field errors stay in the notice. */
const formField = /^(segment|customer\.(id|tier)|shipTo\.(country|postalCode|latitude|longitude)|lines(\[\d+\](\.(sku|quantity|uom|lineId))?)?|requestedDate)$/;

/**
 * "What would happen if": tries this version (a draft too) on an order against today's inventory and
 * shows which nodes would serve it and why, optionally side by side with the version in force.
 * Nothing is reserved.
 */
export function SimulatePanel({ ruleSetId }: { ruleSetId: string }) {
  const ruleSet = useSimulatedRuleSet(ruleSetId);
  const segment = ruleSet.data?.segment;
  const inForce = useVersionInForce(segment);
  const simulation = useSimulation();
  const ids = useId();

  const [mode, setMode] = useState<Mode>('form');
  const [form, setForm] = useState<OrderForm>(sampleOrder);
  const [json, setJson] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [jsonProblems, setJsonProblems] = useState<string[]>([]);
  const [compare, setCompare] = useState(false);
  const [editedSinceRun, setEditedSinceRun] = useState(false);

  if (ruleSet.isPending) return <Loading what="the rule set" />;
  if (ruleSet.isError) return <ProblemNotice problem={ruleSet.error} />;
  const rs = ruleSet.data;
  const activeVersion = inForce.data ?? null;
  const isInForce = activeVersion?.id === rs.id;
  const canCompare = activeVersion !== null && !isInForce;

  const problem = simulation.error instanceof ApiProblem ? simulation.error : null;
  const serverFieldErrors: FieldErrors = {};
  if (problem && mode === 'form' && !editedSinceRun) {
    for (const e of problem.errors) if (formField.test(e.field)) (serverFieldErrors[e.field] ??= []).push(e.message);
  }
  const fieldErrors = merge(clientErrors, serverFieldErrors);
  const notice = problem && mode === 'form'
    ? new ApiProblem(problem.status, { ...problem.body, errors: problem.errors.filter((e) => !formField.test(e.field)) })
    : simulation.error;

  function changeForm(next: OrderForm) {
    setForm(next);
    setEditedSinceRun(true);
    if (Object.keys(clientErrors).length) setClientErrors({});
  }

  function switchMode(next: Mode) {
    if (next === mode) return;
    if (next === 'json') {
      // The form as the OMS would send it, to edit or replace with a real order.
      const { body } = buildOrderBody(form, rs.segment);
      if (body) setJson(JSON.stringify(body, null, 2));
    } else if (json.trim()) {
      const { body, problems } = parseOrderJson(json, rs.segment);
      if (!body) {
        setJsonProblems(problems);
        return;
      }
      setForm(formFromBody(body));
    }
    setJsonProblems([]);
    setClientErrors({});
    setMode(next);
  }

  function run(event: FormEvent) {
    event.preventDefault();
    let body: OrderBody | null;
    if (mode === 'form') {
      const built = buildOrderBody(form, rs.segment);
      setClientErrors(built.errors);
      body = built.body;
    } else {
      const parsed = parseOrderJson(json, rs.segment);
      setJsonProblems(parsed.problems);
      body = parsed.body;
    }
    if (!body) return;
    setEditedSinceRun(false);
    simulation.mutate({ body, ruleSetId: rs.id, compareWith: compare && canCompare ? activeVersion.id : null });
  }

  const outcome = simulation.data;
  return (
    <section className="sim" aria-labelledby={`${ids}-title`}>
      <div className="sim-head">
        <h2 id={`${ids}-title`}>Simulate an order</h2>
        <p className="muted">
          Tries <span className="mono">{versionLabel(rs)}</span> of <strong>{rs.segment}</strong> on an order against today's
          inventory: which nodes would serve it and why. Nothing is reserved or logged.
          {rs.status === 'draft' && ' It runs the last saved revision of this draft: save your changes first.'}
        </p>
      </div>
      <form className="card sim-form" onSubmit={run} aria-label="Order to simulate" noValidate>
        <div className="tabs" role="tablist" aria-label="How to enter the order">
          <button type="button" role="tab" id={`${ids}-tab-form`} aria-selected={mode === 'form'} aria-controls={`${ids}-panel`}
            onClick={() => switchMode('form')}>Order form</button>
          <button type="button" role="tab" id={`${ids}-tab-json`} aria-selected={mode === 'json'} aria-controls={`${ids}-panel`}
            onClick={() => switchMode('json')}>Paste order JSON</button>
        </div>
        <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={mode === 'form' ? `${ids}-tab-form` : `${ids}-tab-json`}>
          {mode === 'form' ? (
            <OrderFields segment={rs.segment} form={form} onChange={changeForm} errors={fieldErrors} />
          ) : (
            <Field label="Order JSON" help="The body the OMS sends to POST /v1/orders/{orderId}/source: segment, customer, shipTo, lines, requestedDate."
              error={jsonProblems.length ? jsonProblems : undefined}>
              {({ id, describedBy, invalid }) => (
                <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} className="mono sim-json" rows={14}
                  spellCheck={false} value={json} onChange={(e) => { setJson(e.target.value); setJsonProblems([]); }} />
              )}
            </Field>
          )}
        </div>
        {mode === 'form' && jsonProblems.length > 0 && (
          <div className="notice notice-warn" role="alert"><div className="notice-body"><strong>The pasted order could not be loaded</strong>
            <ul>{jsonProblems.map((p, i) => <li key={i}>{p}</li>)}</ul></div></div>
        )}
        <div className="toolbar sim-actions">
          <label className="sim-compare-toggle">
            <input type="checkbox" checked={compare && canCompare} disabled={!canCompare} onChange={(e) => setCompare(e.target.checked)} />
            {' '}Compare with version in force{activeVersion && !isInForce ? ` (${versionLabel(activeVersion)})` : ''}
          </label>
          {isInForce && <span className="muted">This is the version in force.</span>}
          {inForce.isSuccess && activeVersion === null && <span className="muted">Nothing is in force for {rs.segment}.</span>}
          <button type="submit" className="btn btn-primary" disabled={simulation.isPending}>
            {simulation.isPending ? 'Simulating…' : 'Run simulation'}
          </button>
        </div>
      </form>

      {simulation.isPending && <Loading what="the simulation" />}
      {simulation.isError && <ProblemNotice problem={notice} />}
      {outcome && !simulation.isPending && (
        <div className="sim-results" aria-live="polite">
          {outcome.inForce === null ? (
            <SimulationResult answer={outcome.answer} title={`Result under ${answerLabel(outcome.answer)}`} />
          ) : 'answer' in outcome.inForce ? (
            <CompareSimulations draft={outcome.answer} inForce={outcome.inForce.answer} />
          ) : (
            <>
              <SimulationResult answer={outcome.answer} title={`Result under ${answerLabel(outcome.answer)}`} />
              <p className="muted">The version in force could not decide this order:</p>
              <ProblemNotice problem={outcome.inForce.error} />
            </>
          )}
        </div>
      )}
    </section>
  );
}

function merge(a: FieldErrors, b: FieldErrors): FieldErrors {
  const out: FieldErrors = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = [...(out[k] ?? []), ...v];
  return out;
}
