import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { Experiment } from '../api/experiments';
import { ExperimentList } from '../components/ExperimentList';
import { analyst, experiment, operator, planner, renderAt, ruleSets } from './fixtures';

const all: Experiment[] = [
  experiment(),
  experiment({
    id: 'exp-2', name: 'Retail nearest store', segment: 'retail', status: 'running', trafficShare: 0.125,
    control: { ruleSetId: 'retail-v1', version: 1 }, variant: { ruleSetId: 'retail-v2', version: 2 },
    replay: { id: 'rpl-2', status: 'running', from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z', done: 800, total: 1200, startedAt: '2026-11-19T10:00:00Z', finishedAt: null, message: null, runId: 'run-2' },
  }),
  experiment({ id: 'exp-3', name: 'VIP old test', status: 'stopped' }),
];
const asked: string[] = [];

const server = setupServer(
  http.get('/v1/rulesets', () => HttpResponse.json(ruleSets)),
  http.get('/v1/experiments', ({ request }) => {
    const url = new URL(request.url);
    asked.push(url.search);
    const segment = url.searchParams.get('segment');
    const status = url.searchParams.get('status');
    return HttpResponse.json({ items: all.filter((e) => (!segment || e.segment === segment) && (!status || e.status === status)) });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => { asked.length = 0; });
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const routes = [{ path: '/experiments', element: <ExperimentList /> }];

describe('ExperimentList', () => {
  it('lists each experiment with its arms, share, window, status and replay progress', async () => {
    renderAt(analyst, '/experiments', routes);
    const table = await screen.findByRole('table', { name: 'Experiments' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const retail = rows[1]!;
    expect(within(retail).getByRole('link', { name: 'Retail nearest store' })).toHaveAttribute('href', '/experiments/exp-2');
    expect(retail).toHaveTextContent('retail');
    expect(retail).toHaveTextContent('v1 vs v2');
    expect(retail).toHaveTextContent('12.5%');
    expect(retail).toHaveTextContent('running');
    const bar = within(retail).getByRole('progressbar', { name: 'Replay of Retail nearest store' });
    expect(bar).toHaveAttribute('aria-valuenow', '800');
    expect(bar).toHaveAttribute('aria-valuemax', '1200');
    expect(retail).toHaveTextContent('800 of 1,200 · 66%');
    expect(within(rows[0]!).getByText('not replayed')).toBeInTheDocument();
  });

  it('filters by segment and status, in the address too', async () => {
    const user = userEvent.setup();
    const { router } = renderAt(analyst, '/experiments', routes);
    await screen.findByRole('table', { name: 'Experiments' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Segment' }), 'vip');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'stopped');
    const table = screen.getByRole('table', { name: 'Experiments' });
    await within(table).findByRole('link', { name: 'VIP old test' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(asked).toContain('?segment=vip&status=stopped');
    expect(router.state.location.search).toBe('?segment=vip&status=stopped');
  });

  it('says when no experiment matches', async () => {
    const user = userEvent.setup();
    renderAt(analyst, '/experiments?segment=retail', routes);
    await screen.findByRole('table', { name: 'Experiments' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'draft');
    expect(await screen.findByText('No experiment matches these filters.')).toBeInTheDocument();
  });

  it('offers "New experiment" to analysts, for the segment filtered', async () => {
    renderAt(analyst, '/experiments?segment=vip', routes);
    expect(await screen.findByRole('link', { name: 'New experiment' })).toHaveAttribute('href', '/experiments/new?segment=vip');
  });

  it.each([['planner', planner], ['operator', operator]])('shows a %s the list without "New experiment"', async (_, me) => {
    renderAt(me, '/experiments', routes);
    await screen.findByRole('table', { name: 'Experiments' });
    expect(screen.queryByRole('link', { name: 'New experiment' })).not.toBeInTheDocument();
  });
});
