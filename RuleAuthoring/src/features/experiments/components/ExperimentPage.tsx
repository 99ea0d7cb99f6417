import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { useMe } from '../../../lib/auth';
import { formatInstant } from '../../../lib/format';
import { mayRunExperiments } from '../../../lib/roles';
import { useExperiment, useExperimentState, type Experiment } from '../api/experiments';
import { ExperimentStatusBadge, trafficText } from './ExperimentStatus';
import { ReplaySection } from './ReplaySection';

// The charts (recharts) load only when results are shown, never with the first screen.
const ResultsPanel = lazy(() => import('./ResultsPanel'));

/** /experiments/:id — what is compared, the live split (start, stop), the replay and the results. */
export function ExperimentPage({ id }: { id: string }) {
  const me = useMe();
  const query = useExperiment(id);
  if (query.isPending) return <Loading what="the experiment" />;
  if (query.isError) return <ProblemNotice problem={query.error} />;
  const e = query.data;
  const canWrite = mayRunExperiments(me.role);
  return (
    <section aria-labelledby="experiment-title" className="exp exp-page">
      <p className="muted exp-crumb"><Link to="/experiments">Experiments</Link> / {e.segment}</p>
      <div className="page-head">
        <h1 id="experiment-title">{e.name} <ExperimentStatusBadge status={e.status} /></h1>
      </div>
      <div className="exp-top">
        <Summary e={e} />
        <LiveSplit e={e} canWrite={canWrite} />
      </div>
      <ReplaySection e={e} canWrite={canWrite} />
      <Suspense fallback={<Loading what="the results" />}>
        <ResultsPanel experiment={e} />
      </Suspense>
    </section>
  );
}

function Summary({ e }: { e: Experiment }) {
  return (
    <section className="card exp-summary" aria-labelledby="exp-summary-title">
      <h2 id="exp-summary-title">What is compared</h2>
      <dl className="exp-facts">
        <div><dt>Segment</dt><dd>{e.segment}</dd></div>
        <div>
          <dt>Control</dt>
          <dd><Link to={`/rulesets/${encodeURIComponent(e.control.ruleSetId)}`}>v{e.control.version}</Link> (the version compared against)</dd>
        </div>
        <div>
          <dt>Variant</dt>
          <dd><Link to={`/rulesets/${encodeURIComponent(e.variant.ruleSetId)}`}>v{e.variant.version}</Link> (the version tried)</dd>
        </div>
        <div><dt>Live split</dt><dd>{trafficText(e.trafficShare)} of {e.segment}’s orders to the variant, assigned by {e.assignmentKey === 'customer' ? 'customer id (a customer always gets the same arm)' : 'order id'}</dd></div>
        <div><dt>Window</dt><dd>{formatInstant(e.window.from)} → {formatInstant(e.window.to)}</dd></div>
        <div><dt>Created</dt><dd>{formatInstant(e.createdAt)} by {e.createdBy}</dd></div>
        {e.startedAt && <div><dt>Started</dt><dd>{formatInstant(e.startedAt)}</dd></div>}
        {e.stoppedAt && <div><dt>Stopped</dt><dd>{formatInstant(e.stoppedAt)}</dd></div>}
      </dl>
    </section>
  );
}

/** Start and stop ask once more: they change how real orders are decided, and a stopped experiment cannot restart. */
function LiveSplit({ e, canWrite }: { e: Experiment; canWrite: boolean }) {
  const state = useExperimentState(e.id);
  const [confirming, setConfirming] = useState<'start' | 'stop' | null>(null);
  const now = Date.now();
  const inWindow = new Date(e.window.from).getTime() <= now && now < new Date(e.window.to).getTime();
  const action = e.status === 'draft' ? 'start' : e.status === 'running' ? 'stop' : null;

  function confirm() {
    if (!confirming) return;
    state.mutate(confirming, { onSettled: () => setConfirming(null) });
  }

  return (
    <section className="card exp-live" aria-labelledby="exp-live-title">
      <h2 id="exp-live-title">Live split</h2>
      <p>
        {e.status === 'draft' && 'Not started: every order is decided by the version in force.'}
        {e.status === 'running' && (inWindow
          ? `Running: ${trafficText(e.trafficShare)} of ${e.segment}’s orders are decided by v${e.variant.version}, the rest by v${e.control.version}.`
          : `Running, but outside its window: orders are split only between ${formatInstant(e.window.from)} and ${formatInstant(e.window.to)}.`)}
        {e.status === 'stopped' && 'Stopped: orders are no longer split. Results from the live split stay readable.'}
      </p>
      <ProblemNotice problem={state.error} onDismiss={() => state.reset()} />
      {canWrite && action && confirming === null && (
        <button type="button" className={action === 'start' ? 'btn btn-primary' : 'btn btn-danger'} onClick={() => { state.reset(); setConfirming(action); }}>
          {action === 'start' ? 'Start' : 'Stop'}
        </button>
      )}
      {canWrite && confirming && (
        <div className="exp-confirm" role="group" aria-labelledby="exp-confirm-text">
          <p id="exp-confirm-text">
            {confirming === 'start'
              ? `Start sending ${trafficText(e.trafficShare)} of ${e.segment}’s live orders to v${e.variant.version} inside the window?`
              : 'Stop the live split? Every order goes back to the version in force; a stopped experiment cannot be started again.'}
          </p>
          <div className="toolbar">
            <button type="button" className="btn" onClick={() => setConfirming(null)} disabled={state.isPending}>Cancel</button>
            <button type="button" className={confirming === 'start' ? 'btn btn-primary' : 'btn btn-danger'} onClick={confirm} disabled={state.isPending}>
              {confirming === 'start' ? 'Start experiment' : 'Stop experiment'}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
