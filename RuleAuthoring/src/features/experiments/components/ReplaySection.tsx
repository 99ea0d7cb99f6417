import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/Field';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatInstant } from '../../../lib/format';
import { replayActive, useReplay, type Experiment } from '../api/experiments';
import { ApiProblem } from '../../../lib/problem';
import { isoToLocal, localToIso, localZone, placeProblems } from '../api/form';

/**
 * "Replay history": the segment's logged orders decided again under both versions against the inventory
 * they saw, nothing reserved. Progress shows while it runs (the page asks every second).
 */
export function ReplaySection({ e, canWrite }: { e: Experiment; canWrite: boolean }) {
  const replay = e.replay;
  const active = replayActive(replay);
  return (
    <section className="card exp-replay" aria-labelledby="exp-replay-title">
      <h2 id="exp-replay-title">Replay history</h2>
      <div aria-live="polite">
        {!replay && <p className="muted">Not replayed yet. A replay decides the segment’s logged orders again under both versions; no stock is reserved.</p>}
        {replay?.status === 'queued' && <p>Queued: the replay of {formatInstant(replay.from)} → {formatInstant(replay.to)} starts when a worker is free.</p>}
        {replay?.status === 'running' && <p>Replaying the orders of {formatInstant(replay.from)} → {formatInstant(replay.to)}…</p>}
        {replay?.status === 'succeeded' && (
          <p>
            Replayed {(replay.total ?? replay.done).toLocaleString('en-GB')} orders of {formatInstant(replay.from)} → {formatInstant(replay.to)},
            finished {formatInstant(replay.finishedAt)}.
          </p>
        )}
        {replay?.status === 'failed' && (
          <div className="notice notice-error">
            <div className="notice-body">
              <strong>The replay failed</strong>
              <p>{replay.message ?? 'The service gave no reason.'} {replay.done > 0 && `It had decided ${replay.done.toLocaleString('en-GB')} orders; replaying again resumes.`}</p>
            </div>
          </div>
        )}
      </div>
      {/* Kept once finished ("1,200 of 1,200 · 100%"), so that a replay too quick to watch still shows it went through every order. */}
      {replay && (active ? replay.status === 'running' || replay.done > 0 : replay.status === 'succeeded')
        && <ProgressBar done={replay.done} total={replay.total} label="Replay progress" />}
      {canWrite && <ReplayForm e={e} busy={active} />}
    </section>
  );
}

function ReplayForm({ e, busy }: { e: Experiment; busy: boolean }) {
  const replay = useReplay(e.id);
  const [from, setFrom] = useState(isoToLocal(e.window.from));
  const [to, setTo] = useState(isoToLocal(e.window.to));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  const problem = replay.error instanceof ApiProblem ? replay.error : null;
  const placed = placeProblems(problem?.errors ?? []);
  const at = (field: 'from' | 'to') => [...(errors[field] ? [errors[field]] : []), ...(placed.atFields[field] ?? [])];
  const notice = problem ? new ApiProblem(problem.status, { ...problem.body, errors: placed.elsewhere }) : replay.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    const fromIso = localToIso(from);
    const toIso = localToIso(to);
    const found: typeof errors = {};
    if (!fromIso) found.from = 'Enter the first moment to replay.';
    if (!toIso) found.to = 'Enter the moment to replay up to.';
    if (fromIso && toIso && new Date(toIso) <= new Date(fromIso)) found.to = 'The end must be after the start.';
    setErrors(found);
    if (!fromIso || !toIso || found.to) return;
    replay.mutate({ from: fromIso, to: toIso });
  }

  return (
    <form className="exp-replay-form" onSubmit={submit} noValidate>
      <fieldset disabled={busy || replay.isPending}>
        <legend>Orders logged between (your local time, {localZone()})</legend>
        <div className="exp-form-row">
          <Field label="Replay from" error={at('from')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} type="datetime-local" aria-describedby={describedBy} aria-invalid={invalid} value={from}
                onChange={(ev) => { setFrom(ev.target.value); setErrors({}); replay.reset(); }} />
            )}
          </Field>
          <Field label="Replay to" error={at('to')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} type="datetime-local" aria-describedby={describedBy} aria-invalid={invalid} value={to}
                onChange={(ev) => { setTo(ev.target.value); setErrors({}); replay.reset(); }} />
            )}
          </Field>
          <button type="submit" className="btn btn-primary exp-replay-go">
            {busy ? 'Replay running…' : e.replay ? 'Replay again' : 'Replay history'}
          </button>
        </div>
      </fieldset>
      <ProblemNotice problem={notice} onDismiss={() => replay.reset()} />
    </form>
  );
}
