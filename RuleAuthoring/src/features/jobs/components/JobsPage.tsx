import { useEffect, useState, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { ProgressBar } from '../../../components/ProgressBar';
import { useMe } from '../../../lib/auth';
import { formatInstant } from '../../../lib/format';
import { mayRunJobs } from '../../../lib/roles';
import { label } from '../../../lib/words';
import { dashboardPath, leaveFor, openSession } from '../api/dashboard';
import { anyRunning, useJobs, useTriggerJob, type Job, type JobRun } from '../api/jobs';
import { scheduleWords } from './schedule';

/** A run that has not reported for this long is probably no longer running. */
const quietMs = 2 * 60_000;
/** How long to keep asking after "Run now" for the run to appear. */
const waitForRunMs = 60_000;

/** Jobs asked to run, with the run they had before, until a newer run shows. */
type Waiting = Record<string, { previousRun: string | null; since: number }>;

/** /jobs-status — the service's background jobs, their last run and its progress; operators run them now. */
export function JobsPage() {
  const me = useMe();
  const canRun = mayRunJobs(me.role);
  const [waiting, setWaiting] = useState<Waiting>({});
  const jobs = useJobs((data) => anyRunning(data) || Object.keys(waiting).length > 0);
  const trigger = useTriggerJob();
  const [queued, setQueued] = useState<string | null>(null);

  useEffect(() => {
    if (!jobs.data) return;
    const now = Date.now();
    setWaiting((w) => {
      const still = Object.fromEntries(Object.entries(w).filter(([name, wait]) => {
        const job = jobs.data.find((j) => j.name === name);
        return job && (job.lastRun?.runId ?? null) === wait.previousRun && now - wait.since < waitForRunMs;
      }));
      return Object.keys(still).length === Object.keys(w).length ? w : still;
    });
  }, [jobs.data]);

  function runNow(job: Job) {
    setQueued(null);
    trigger.mutate(job.name, {
      onSuccess: (answer) => {
        setQueued(`${job.title} is queued (Hangfire job ${answer.hangfireJobId}); its run shows here when it starts.`);
        setWaiting((w) => ({ ...w, [job.name]: { previousRun: job.lastRun?.runId ?? null, since: Date.now() } }));
      },
    });
  }

  return (
    <section aria-labelledby="jobs-title" className="jobs">
      <div className="page-head">
        <h1 id="jobs-title">Background jobs</h1>
        {canRun && <DashboardLink />}
      </div>
      <p className="muted jobs-intro">
        Recurring jobs run on their schedule, once across all replicas; triggered jobs run when something happens (a receipt, an inbound
        shipment, a publish, a replay). Each can run twice without harm.
      </p>
      {queued && (
        <div className="notice notice-ok" role="status">
          <div className="notice-body">{queued}</div>
          <button type="button" className="btn btn-ghost" aria-label="Dismiss message" onClick={() => setQueued(null)}>✕</button>
        </div>
      )}
      <ProblemNotice problem={trigger.error} onDismiss={() => trigger.reset()} />
      {jobs.isPending && <Loading what="the jobs" />}
      {jobs.isError && <ProblemNotice problem={jobs.error} />}
      {jobs.isSuccess && jobs.data.length === 0 && <p className="muted">The service reports no jobs.</p>}
      {jobs.isSuccess && jobs.data.length > 0 && (
        <div className="jobs-table-wrap">
          <table className="jobs-table" aria-label="Background jobs">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Schedule</th>
                <th scope="col">Last run</th>
                <th scope="col">Started</th>
                <th scope="col">Finished</th>
                <th scope="col">What it did</th>
                {canRun && <th scope="col"><span className="sr-only">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {jobs.data.map((job) => (
                <JobRow key={job.name} job={job} canRun={canRun} waiting={job.name in waiting}
                  busy={trigger.isPending && trigger.variables === job.name} onRun={() => runNow(job)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function JobRow({ job, canRun, waiting, busy, onRun }: { job: Job; canRun: boolean; waiting: boolean; busy: boolean; onRun: () => void }) {
  const run = job.lastRun;
  const running = run?.status === 'running';
  const words = scheduleWords(job.schedule);
  return (
    <tr className={running ? 'jobs-running' : undefined}>
      <th scope="row">
        {job.title}
        <br /><small className="muted mono">{job.name}</small>
      </th>
      <td>
        {job.kind === 'triggered' ? 'when triggered' : words ?? <span className="mono">{job.schedule ?? '—'}</span>}
        {job.kind === 'recurring' && words && <><br /><small className="muted mono">{job.schedule}</small></>}
        {job.nextRunAt && <><br /><small className="muted">next {formatInstant(job.nextRunAt)}</small></>}
      </td>
      <td>{run ? <RunBadge status={run.status} /> : <span className="muted">never run</span>}</td>
      <td>{formatInstant(run?.startedAt)}</td>
      <td>{running ? <span className="muted">running</span> : formatInstant(run?.finishedAt)}</td>
      <td className="jobs-did">{run ? <RunDetail job={job} run={run} /> : <span className="muted">—</span>}</td>
      {canRun && (
        <td>
          {job.name === 'experiment-replay' ? (
            <Link to="/experiments" className="muted">Replays start from an experiment</Link>
          ) : (
            // The name starts with the words on the button (WCAG 2.5.3: a voice user says what they see), the job after.
            <button type="button" className="btn btn-small" disabled={running || waiting || busy} onClick={onRun}>
              {waiting ? 'Queued…' : 'Run now'}<span className="sr-only"> for {job.title}</span>
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

function RunBadge({ status }: { status: JobRun['status'] }) {
  return <span className={`badge jobs-badge-${status}`}>{status}</span>;
}

function RunDetail({ job, run }: { job: Job; run: JobRun }) {
  const counters = Object.entries(run.summary ?? {});
  const report = run.report ?? [];
  const quiet = run.status === 'running' && run.heartbeatAt && Date.now() - new Date(run.heartbeatAt).getTime() > quietMs;
  return (
    <>
      {run.status === 'running' && run.progress && <ProgressBar done={run.progress.done} total={run.progress.total} label={`${job.title} progress`} />}
      {quiet && <p className="jobs-quiet">No sign of life since {formatInstant(run.heartbeatAt)}: the worker may have stopped.</p>}
      {run.message && <p className={run.status === 'failed' ? 'jobs-message jobs-message-failed' : 'jobs-message'}>{run.message}</p>}
      {counters.length > 0 && (
        <dl className="jobs-counters" aria-label={`${job.title} counters`}>
          {counters.map(([key, value]) => (
            <div key={key}><dt>{label(key)}</dt><dd>{value.toLocaleString('en-GB')}</dd></div>
          ))}
        </dl>
      )}
      {report.length > 0 && (
        <details className="jobs-report">
          <summary>Report ({report.length} {report.length === 1 ? 'line' : 'lines'})</summary>
          <ul>{report.map((line, i) => <li key={i}>{line}</li>)}</ul>
        </details>
      )}
    </>
  );
}

/** Opens a cookie session first (the dashboard cannot send the API key), then leaves the app for the dashboard. */
function DashboardLink() {
  const [error, setError] = useState<unknown>(null);
  const [opening, setOpening] = useState(false);

  async function open(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    setError(null);
    setOpening(true);
    try {
      await openSession();
      leaveFor(dashboardPath);
    } catch (problem) {
      setError(problem);
      setOpening(false);
    }
  }

  return (
    <div className="jobs-dashboard">
      <a className="btn" href={dashboardPath} onClick={open} aria-busy={opening}>
        {opening ? 'Opening the Hangfire dashboard…' : 'Open the Hangfire dashboard'}
      </a>
      {error !== null && (
        <>
          <p className="jobs-dashboard-error">The Hangfire dashboard could not be opened: no session was started.</p>
          <ProblemNotice problem={error} onDismiss={() => setError(null)} />
        </>
      )}
    </div>
  );
}
