import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ExperimentResults } from '../api/results';
import ResultsPanel from '../components/ResultsPanel';
import { analyst, experiment, renderAt, replayResults } from './fixtures';

const liveResults: ExperimentResults = {
  ...replayResults, source: 'live', design: 'independent', orders: 500,
  arms: [{ ...replayResults.arms[0]!, orders: 400 }, { ...replayResults.arms[1]!, orders: 100 }],
  comparisons: replayResults.comparisons.map((c) => ({ ...c, test: 'Welch t-test' })),
};
const asked: string[] = [];

const server = setupServer(
  http.get('/v1/experiments/:id/results', ({ request }) => {
    const source = new URL(request.url).searchParams.get('source');
    asked.push(source ?? '');
    return HttpResponse.json(source === 'live' ? liveResults : replayResults);
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => { asked.length = 0; });
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const replayed = experiment({
  status: 'running',
  replay: { id: 'rpl-1', status: 'succeeded', from: '2026-11-20T00:00:00Z', to: '2026-12-04T00:00:00Z', done: 1200, total: 1200, startedAt: '2026-12-05T10:00:00Z', finishedAt: '2026-12-05T10:03:00Z', message: null, runId: 'run-1' },
});

function renderPanel(e = replayed, path = '/experiments/exp-1') {
  return renderAt(analyst, path, [{ path: '/experiments/:id', element: <ResultsPanel experiment={e} /> }]);
}

function row(table: HTMLElement, metric: string): HTMLElement {
  return within(table).getByRole('rowheader', { name: new RegExp(`^${metric}`) }).closest('tr')!;
}

describe('ResultsPanel', () => {
  it('puts each metric’s numbers in the table: shares in %, differences in points with their interval, money with two decimals', async () => {
    renderPanel();
    const table = await screen.findByRole('table', { name: 'Per metric' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Metric', 'Control v3', 'Variant v5', 'Difference (variant − control)', 'Significance', 'Better arm',
    ]);
    const fill = row(table, 'Unit fill rate');
    expect(within(fill).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '93.1%92.5% to 93.7%', '95.2%94.7% to 95.7%', '+2.1 points95% CI 1.4 to 2.8 points', 'significantp = 0.0003', 'Variant better',
    ]);
    expect(fill).toHaveTextContent('higher is better');

    const cost = row(table, 'Fulfilment cost per order');
    expect(within(cost).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '12.5012.10 to 12.90', '11.7511.40 to 12.10', '−0.7595% CI −1.10 to −0.40', 'significantp < 0.0001', 'Variant better',
    ]);
    expect(cost).toHaveTextContent('lower is better');
  });

  it('says "not significant" and shows an interval that crosses zero, with no winner', async () => {
    renderPanel();
    const table = await screen.findByRole('table', { name: 'Per metric' });
    const split = row(table, 'Split rate');
    expect(split).toHaveTextContent('+0.4 points');
    expect(split).toHaveTextContent('95% CI −0.3 to 1.1 points');
    expect(split).toHaveTextContent('interval includes zero');
    expect(within(split).getByText('not significant')).toBeInTheDocument();
    expect(split).toHaveTextContent('No clear difference');
    expect(within(split).queryByText('significant')).not.toBeInTheDocument();
    expect(row(table, 'Unit fill rate')).not.toHaveTextContent('interval includes zero');
  });

  it('shows a metric without data as such', async () => {
    renderPanel();
    const table = await screen.findByRole('table', { name: 'Per metric' });
    const promise = row(table, 'Promise-date attainment');
    expect(within(promise).getAllByRole('cell').map((c) => c.textContent)).toEqual(['no data', 'no data', 'no data', 'no data', 'No data']);
    expect(screen.getByText(/no order had a requested date/)).toBeInTheDocument();
  });

  it('says every metric in plain words: both values, the gap in percentage points, the interval in its direction, what significant means', async () => {
    renderPanel();
    await screen.findByRole('table', { name: 'Per metric' });
    const sentences = screen.getByRole('heading', { name: 'In words' }).nextElementSibling!;
    expect(within(sentences as HTMLElement).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Unit fill rate: 95.2% with the variant (v5) against 93.1% with the control (v3): 2.1 percentage points higher. '
        + 'With 95% confidence the true difference is between 1.4 and 2.8 points higher. Significant (unlikely to be chance): the variant is better on this.',
      'Split rate: 12.4% with the variant (v5) against 12.0% with the control (v3): 0.4 percentage points higher. '
        + 'With 95% confidence the true difference is anywhere between 0.3 points lower and 1.1 points higher. '
        + 'Not significant: this could be chance, so the versions cannot be told apart on this.',
      'Fulfilment cost per order: 11.75 with the variant (v5) against 12.50 with the control (v3): 0.75 lower. '
        + 'With 95% confidence the true difference is between 0.40 and 1.10 lower. Significant (unlikely to be chance): the variant is better on this.',
      // No numbers to tell: the service's own sentence says why.
      'Promise-date attainment: No data: no order had a requested date, so promise-date attainment cannot be compared.',
    ]);
  });

  it('explains the design and the test in “How to read this”', async () => {
    renderPanel();
    const note = await screen.findByRole('complementary', { name: 'How to read this' });
    expect(note).toHaveTextContent('Paired replay: the same 1,200 logged orders were decided again under both versions');
    // One paragraph for the paired z-test, with or without the service's note on ratios.
    expect(note).toHaveTextContent('Test: paired z-test on per-order differences; it looks at');
    expect(note).not.toHaveTextContent('delta method');
    expect(note).toHaveTextContent('less than 5% of the time');
  });

  it('draws the three charts, each with a text alternative naming the table', async () => {
    const { container } = renderPanel();
    await screen.findByRole('table', { name: 'Per metric' });
    const charts = screen.getAllByRole('img');
    expect(charts.map((c) => c.getAttribute('aria-label'))).toEqual([
      'Bar chart of 2 rates for Control v3 and Variant v5, with their confidence intervals as whiskers. The numbers are in the table “Per metric”.',
      'Differences of 2 rates with their confidence intervals against a line at zero. The numbers are in the table “Per metric”.',
      'Bar chart of the fulfilment cost per order: Control v3 12.50, Variant v5 11.75. The numbers are in the table “Per metric”.',
    ]);
    expect(container.querySelectorAll('.recharts-wrapper')).toHaveLength(3);
    // Unit fill and split rate for both arms (promise attainment has no value): four bars, each with a whisker.
    expect(charts[0]!.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(4);
    expect(charts[0]!.querySelectorAll('.recharts-errorBar')).toHaveLength(4);
    // The forest plot: a dot per difference, the split rate's grey (not significant), and the line at zero.
    const dots = charts[1]!.querySelectorAll('.recharts-scatter-symbol path, .recharts-scatter-symbol circle');
    expect(dots).toHaveLength(2);
    expect([...dots].map((d) => d.getAttribute('fill'))).toEqual(['#166534', '#6b7385']);
    expect(charts[1]!.querySelectorAll('.recharts-errorBar')).toHaveLength(2);
    expect(charts[1]!.querySelector('.recharts-reference-line')).not.toBeNull();
    expect(charts[1]).toHaveTextContent('no difference');
    expect(charts[2]!.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
  });

  it('switches to the live split’s results, with each arm’s orders and its own test', async () => {
    const user = userEvent.setup();
    const { router } = renderPanel();
    await screen.findByRole('table', { name: 'Per metric' });
    await user.click(screen.getByRole('radio', { name: 'Live split' }));
    expect(await screen.findByText(/500 orders \(control 400, variant 100\)/)).toBeInTheDocument();
    expect(screen.getByRole('complementary', { name: 'How to read this' })).toHaveTextContent('Independent live split');
    expect(screen.getByRole('complementary', { name: 'How to read this' })).toHaveTextContent('Test: Welch t-test;');
    expect(router.state.location.search).toBe('?source=live');
    expect(asked).toEqual(['replay', 'live']);
  });

  it('asks nothing before there is something to show', async () => {
    renderPanel(experiment(), '/experiments/exp-1?source=live');
    expect(screen.getByText(/The live split has not started/)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Replay' }));
    expect(screen.getByText(/No replay yet/)).toBeInTheDocument();
    expect(asked).toEqual([]);
  });
});
