import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { Experiment, Replay } from '../api/experiments';
import { isoToLocal, localToIso } from '../api/form';
import { ExperimentPage } from '../components/ExperimentPage';
import { analyst, experiment, operator, planner, renderAt, replayResults } from './fixtures';

let current: Experiment = experiment();
/** What GET answers next while a replay runs: each poll moves one step. */
let steps: Replay[] = [];
const calls: string[] = [];

const server = setupServer(
  http.get('/v1/experiments/:id', () => {
    calls.push('get');
    const next = steps.shift();
    if (next) current = { ...current, replay: next };
    return HttpResponse.json(current);
  }),
  http.post('/v1/experiments/:id/start', () => {
    calls.push('start');
    current = { ...current, status: 'running', startedAt: '2026-11-20T00:00:00Z' };
    return HttpResponse.json(current);
  }),
  http.post('/v1/experiments/:id/stop', () => {
    calls.push('stop');
    if (current.status !== 'running') {
      return HttpResponse.json({ title: 'The experiment is not running', code: 'experiment_state', detail: 'Only a running experiment can be stopped.' }, { status: 409 });
    }
    current = { ...current, status: 'stopped', stoppedAt: '2026-11-25T00:00:00Z' };
    return HttpResponse.json(current);
  }),
  http.post('/v1/experiments/:id/replay', async ({ request }) => {
    calls.push(`replay ${JSON.stringify(await request.json())}`);
    current = { ...current, replay: replay('queued', 0) };
    return HttpResponse.json(current, { status: 202 });
  }),
  http.get('/v1/experiments/:id/results', ({ request }) => {
    calls.push(`results ${new URL(request.url).searchParams.get('source')}`);
    return HttpResponse.json(replayResults);
  }),
);

function replay(status: Replay['status'], done: number): Replay {
  return {
    id: 'rpl-1', status, from: '2026-11-20T00:00:00Z', to: '2026-12-04T00:00:00Z', done, total: status === 'queued' ? null : 1200,
    startedAt: status === 'queued' ? null : '2026-12-05T10:00:00Z', finishedAt: status === 'succeeded' ? '2026-12-05T10:03:00Z' : null, message: null,
    runId: status === 'queued' ? null : 'run-1',
  };
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  current = experiment();
  steps = [];
  calls.length = 0;
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const routes = [{ path: '/experiments/:id', element: <ExperimentPage id="exp-1" /> }];

describe('ExperimentPage', () => {
  it('summarises what is compared', async () => {
    renderAt(analyst, '/experiments/exp-1', routes);
    const summary = await screen.findByRole('region', { name: 'What is compared' });
    expect(within(summary).getByRole('link', { name: 'v3' })).toHaveAttribute('href', '/rulesets/vip-v3');
    expect(within(summary).getByRole('link', { name: 'v5' })).toHaveAttribute('href', '/rulesets/vip-v5');
    expect(summary).toHaveTextContent('20% of vip’s orders to the variant, assigned by order id');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('VIP hold 30% vs 20% draft');
  });

  it('starts the live split after confirming, then stops it', async () => {
    const user = userEvent.setup();
    renderAt(analyst, '/experiments/exp-1', routes);
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    expect(screen.getByRole('group', { name: 'Start sending 20% of vip’s live orders to v5 inside the window?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start experiment' }));
    expect(await screen.findByRole('button', { name: 'Stop' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('running');

    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await user.click(screen.getByRole('button', { name: 'Stop experiment' }));
    expect(await screen.findByText(/Stopped: orders are no longer split/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^(Start|Stop)$/ })).not.toBeInTheDocument();
    expect(calls.filter((c) => c === 'start' || c === 'stop')).toEqual(['start', 'stop']);
  });

  it('shows a refused state change in words', async () => {
    const user = userEvent.setup();
    current = experiment({ status: 'running' });
    server.use(http.post('/v1/experiments/:id/stop', () =>
      HttpResponse.json({ title: 'The experiment is not running', code: 'experiment_state', detail: 'Someone stopped it meanwhile.' }, { status: 409 })));
    renderAt(analyst, '/experiments/exp-1', routes);
    await user.click(await screen.findByRole('button', { name: 'Stop' }));
    await user.click(screen.getByRole('button', { name: 'Stop experiment' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The experiment is not running');
    expect(alert).toHaveTextContent('Someone stopped it meanwhile.');
  });

  it('replays history, follows its progress every second, stops asking when done and shows the results', async () => {
    const user = userEvent.setup();
    renderAt(analyst, '/experiments/exp-1', routes);
    const section = await screen.findByRole('region', { name: 'Replay history' });
    expect(section).toHaveTextContent('Not replayed yet.');
    fireEvent.change(within(section).getByLabelText('Replay from'), { target: { value: '2026-11-21T00:00' } });
    steps = [replay('running', 400), replay('running', 800), replay('succeeded', 1200)];
    await user.click(within(section).getByRole('button', { name: 'Replay history' }));

    const bar = await within(section).findByRole('progressbar', { name: 'Replay progress' }, { timeout: 3000 });
    expect(bar).toHaveAttribute('aria-valuemax', '1200');
    await within(section).findByText('800 of 1,200 · 66%', undefined, { timeout: 3000 });
    expect(within(section).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '800');
    expect(within(section).getByRole('button', { name: 'Replay running…' })).toBeDisabled();

    await within(section).findByText(/Replayed 1,200 orders/, undefined, { timeout: 3000 });
    // The finished bar stays, full: a replay too quick to watch still shows it went through every order.
    expect(within(section).getByRole('progressbar', { name: 'Replay progress' })).toHaveAttribute('aria-valuetext', '1,200 of 1,200 · 100%');
    expect(await screen.findByRole('table', { name: 'Per metric' })).toBeInTheDocument();

    const gets = calls.filter((c) => c === 'get').length;
    await new Promise((r) => setTimeout(r, 1600));
    expect(calls.filter((c) => c === 'get').length).toBe(gets);
    expect(calls).toContain(`replay ${JSON.stringify({ from: localToIso('2026-11-21T00:00'), to: localToIso(isoToLocal('2026-12-04T00:00:00Z')) })}`);
    expect(calls.filter((c) => c.startsWith('results'))).toEqual(['results replay']);
  }, 15_000);

  it.each([['planner', planner], ['operator', operator]])('shows a %s no Start, Stop or Replay', async (_, me) => {
    current = experiment({ status: 'running', replay: replay('succeeded', 1200) });
    renderAt(me, '/experiments/exp-1', routes);
    await screen.findByRole('region', { name: 'Replay history' });
    expect(screen.queryByRole('button', { name: /Start|Stop|Replay/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Replay from')).not.toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Per metric' })).toBeInTheDocument();
  });
});
