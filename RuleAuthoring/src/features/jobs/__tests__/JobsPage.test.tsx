import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AuthProvider } from '../../../lib/auth';
import { storeApiKey } from '../../../lib/session';
import type { Me } from '../../../lib/types';
import type { Job, JobRun } from '../api/jobs';
import { JobsPage } from '../components/JobsPage';

const left = vi.hoisted(() => ({ to: [] as string[] }));
// jsdom cannot leave the page: record where the app would have gone.
vi.mock('../api/dashboard', async (original) => ({
  ...(await original<typeof import('../api/dashboard')>()),
  leaveFor: (href: string) => { left.to.push(href); },
}));

const permissions = { authorRules: false, readRules: true, comment: true };
const operator: Me = { name: 'Olu Operator', role: 'operator', permissions };
const analyst: Me = { name: 'Ann Analyst', role: 'analyst', permissions };

function run(job: string, patch: Partial<JobRun> = {}): JobRun {
  return {
    runId: `${job}-r1`, job, occurrence: '2026-11-20T10:00:00.0000000+00:00', argument: null, status: 'succeeded', attempts: 1,
    startedAt: '2026-11-20T10:00:00.1234Z', finishedAt: '2026-11-20T10:00:04Z', heartbeatAt: '2026-11-20T10:00:04Z',
    progress: { done: 0, total: null }, summary: {}, report: [], message: null,
    ...patch,
  };
}

let jobs: Job[] = [];
let polls = 0;
const calls: { method: string; path: string; key: string | null; credentials: string }[] = [];

const server = setupServer(
  http.get('/v1/jobs', () => {
    polls += 1;
    return HttpResponse.json(jobs);
  }),
  http.post('/v1/jobs/:name/trigger', ({ params, request }) => {
    calls.push({ method: 'POST', path: `/v1/jobs/${String(params.name)}/trigger`, key: request.headers.get('X-Api-Key'), credentials: request.credentials });
    return HttpResponse.json({ job: params.name, hangfireJobId: '42' }, { status: 202 });
  }),
  http.post('/v1/session', ({ request }) => {
    calls.push({ method: 'POST', path: '/v1/session', key: request.headers.get('X-Api-Key'), credentials: request.credentials });
    return new HttpResponse(null, { status: 204 });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  calls.length = 0;
  left.to.length = 0;
  polls = 0;
  storeApiKey('op-key');
  jobs = [
    {
      name: 'stock-reevaluation', title: 'Safety stock, holds and reorder triggers', kind: 'recurring', schedule: '*/15 * * * *', nextRunAt: '2026-11-20T10:15:00Z',
      lastRun: run('stock-reevaluation', {
        summary: { matched: 12, changed: 3 },
        report: ['SKU-1 @ DC-EAST: safety stock 12 → 18 (service_level, z 2.05)', 'SKU-2 @ DC-WEST: safety stock 4 → 3'],
      }),
    },
    {
      name: 'anomaly-scan', title: 'Anomaly scan', kind: 'recurring', schedule: '0 3 * * *', nextRunAt: '2026-11-21T03:00:00Z',
      lastRun: run('anomaly-scan', { status: 'failed', message: 'The database did not answer.' }),
    },
    {
      name: 'reservation-expiry', title: 'Expiry of soft reservations', kind: 'recurring', schedule: '*/10 * * * * *', nextRunAt: '2026-11-20T10:00:10Z',
      lastRun: run('reservation-expiry', { progress: { done: 1463, total: 1463 }, summary: { expired: 1463 } }),
    },
    { name: 'reservation-reevaluation', title: 'Re-evaluation of open reservations after a publish', kind: 'triggered', schedule: null, nextRunAt: null, lastRun: null },
    { name: 'experiment-replay', title: 'Experiment replay', kind: 'triggered', schedule: null, nextRunAt: null, lastRun: null },
  ];
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function renderJobs(me: Me) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/jobs-status', element: <JobsPage /> }], { initialEntries: ['/jobs-status'] });
  return render(
    <QueryClientProvider client={client}>
      <AuthProvider initial={me}><RouterProvider router={router} /></AuthProvider>
    </QueryClientProvider>,
  );
}

function rowOf(title: string): HTMLElement {
  return screen.getByRole('rowheader', { name: new RegExp(`^${title}`) }).closest('tr')!;
}

describe('JobsPage', () => {
  it('lists the jobs with schedule in words, last run, counters and a collapsible report', async () => {
    const user = userEvent.setup();
    renderJobs(operator);
    await screen.findByRole('table', { name: 'Background jobs' });
    const safety = rowOf('Safety stock, holds and reorder triggers');
    expect(safety).toHaveTextContent('every 15 minutes');
    expect(safety).toHaveTextContent('succeeded');
    expect(safety).toHaveTextContent('Matched12Changed3');
    const report = within(safety).getByText('Report (2 lines)');
    expect(within(safety).getByText(/SKU-1 @ DC-EAST/)).not.toBeVisible();
    await user.click(report);
    expect(within(safety).getByText(/SKU-1 @ DC-EAST/)).toBeVisible();

    const scan = rowOf('Anomaly scan');
    expect(scan).toHaveTextContent('failed');
    expect(scan).toHaveTextContent('The database did not answer.');
    expect(scan).toHaveTextContent('0 3 * * *');
    expect(rowOf('Re-evaluation of open reservations')).toHaveTextContent('when triggered');
    expect(rowOf('Re-evaluation of open reservations')).toHaveTextContent('never run');
    // Hangfire's six-field cron (seconds first) in words too.
    expect(rowOf('Expiry of soft reservations')).toHaveTextContent('every 10 seconds');
    expect(rowOf('Expiry of soft reservations')).toHaveTextContent('Expired1,463');
  });

  it('shows a running run’s progress and asks again until it ends', async () => {
    jobs[0]!.lastRun = run('stock-reevaluation', { status: 'running', finishedAt: null, heartbeatAt: new Date().toISOString(), progress: { done: 1200, total: 5000 } });
    renderJobs(operator);
    await screen.findByRole('table', { name: 'Background jobs' });
    const bar = within(rowOf('Safety stock, holds and reorder triggers')).getByRole('progressbar', { name: 'Safety stock, holds and reorder triggers progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '1200');
    expect(bar).toHaveAttribute('aria-valuemax', '5000');
    expect(rowOf('Safety stock, holds and reorder triggers')).toHaveTextContent('1,200 of 5,000 · 24%');
    expect(within(rowOf('Safety stock, holds and reorder triggers')).getByRole('button', { name: 'Run now for Safety stock, holds and reorder triggers' })).toBeDisabled();

    jobs[0]!.lastRun = run('stock-reevaluation', { runId: 'stock-reevaluation-r1', summary: { matched: 40 } });
    expect(await within(rowOf('Safety stock, holds and reorder triggers')).findByText('succeeded', undefined, { timeout: 4000 })).toBeInTheDocument();
    expect(within(rowOf('Safety stock, holds and reorder triggers')).queryByRole('progressbar')).not.toBeInTheDocument();
    const after = polls;
    await new Promise((r) => setTimeout(r, 2500));
    expect(polls).toBe(after);
  }, 12_000);

  it('runs a job now for an operator and says it is queued', async () => {
    const user = userEvent.setup();
    renderJobs(operator);
    await screen.findByRole('table', { name: 'Background jobs' });
    await user.click(screen.getByRole('button', { name: 'Run now for Anomaly scan' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Anomaly scan is queued (Hangfire job 42)');
    expect(calls).toEqual([{ method: 'POST', path: '/v1/jobs/anomaly-scan/trigger', key: 'op-key', credentials: 'same-origin' }]);
    expect(screen.getByRole('button', { name: 'Queued… for Anomaly scan' })).toBeDisabled();
    // Replays start from their experiment, which names what to replay.
    expect(within(rowOf('Experiment replay')).queryByRole('button')).not.toBeInTheDocument();
    expect(within(rowOf('Experiment replay')).getByRole('link', { name: 'Replays start from an experiment' })).toBeInTheDocument();
  });

  it('opens a session before going to the Hangfire dashboard, with a full page load', async () => {
    const user = userEvent.setup();
    renderJobs(operator);
    const link = await screen.findByRole('link', { name: 'Open the Hangfire dashboard' });
    expect(link).toHaveAttribute('href', '/jobs');
    await user.click(link);
    await vi.waitFor(() => expect(left.to).toEqual(['/jobs']));
    expect(calls).toEqual([{ method: 'POST', path: '/v1/session', key: 'op-key', credentials: 'same-origin' }]);
  });

  it('stays and says why when the session cannot be opened', async () => {
    server.use(http.post('/v1/session', () => HttpResponse.json({ title: 'Not signed in', code: 'unauthenticated' }, { status: 401 })));
    const user = userEvent.setup();
    renderJobs(operator);
    await user.click(await screen.findByRole('link', { name: 'Open the Hangfire dashboard' }));
    expect(await screen.findByText('The Hangfire dashboard could not be opened: no session was started.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Your API key is not accepted');
    expect(left.to).toEqual([]);
    expect(screen.getByRole('link', { name: 'Open the Hangfire dashboard' })).toBeInTheDocument();
  });

  it('lets an analyst read the jobs without Run now or the dashboard', async () => {
    renderJobs(analyst);
    await screen.findByRole('table', { name: 'Background jobs' });
    expect(screen.queryByRole('button', { name: /^Run now/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open the Hangfire dashboard' })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
  });
});
