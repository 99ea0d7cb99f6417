import { useSearchParams } from 'react-router';
import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { replayActive, type Experiment } from '../api/experiments';
import { useResults, type ExperimentResults, type ResultsSource } from '../api/results';
import { designSentence, plainSentence, testSentence } from './reading';
import { ResultsCharts } from './ResultsCharts';
import { ResultsTable } from './ResultsTable';

/** Live results change while the split runs; a replay's never do. */
const liveRefreshMs = 30_000;

/**
 * The results of the replay or of the live split (?source=), loaded with the charts only when shown. A
 * sentence per metric from the service, the numbers in a table, three charts, and how to read them.
 */
export default function ResultsPanel({ experiment: e }: { experiment: Experiment }) {
  const [search, setSearch] = useSearchParams();
  const asked = search.get('source');
  const source: ResultsSource = asked === 'live' || asked === 'replay' ? asked : e.replay || e.status === 'draft' ? 'replay' : 'live';
  const ready = source === 'replay' ? e.replay?.status === 'succeeded' : e.status !== 'draft';
  const results = useResults(e.id, source, source === 'replay' ? e.replay?.finishedAt ?? null : null, {
    enabled: ready,
    refreshMs: source === 'live' && e.status === 'running' ? liveRefreshMs : undefined,
  });

  function choose(next: ResultsSource) {
    const params = new URLSearchParams(search);
    params.set('source', next);
    setSearch(params, { replace: true });
  }

  return (
    <section className="exp-results" aria-labelledby="exp-results-title">
      <div className="page-head">
        <h2 id="exp-results-title">Results</h2>
        <fieldset className="exp-source">
          <legend>Results from</legend>
          <label><input type="radio" name="exp-source" value="replay" checked={source === 'replay'} onChange={() => choose('replay')} /> Replay</label>
          <label><input type="radio" name="exp-source" value="live" checked={source === 'live'} onChange={() => choose('live')} /> Live split</label>
        </fieldset>
      </div>
      {!ready && <p className="muted">{notReady(e, source)}</p>}
      {ready && results.isPending && <Loading what="the results" />}
      {ready && results.isError && <ProblemNotice problem={results.error} />}
      {ready && results.isSuccess && <Results results={results.data} />}
    </section>
  );
}

function notReady(e: Experiment, source: ResultsSource): string {
  if (source === 'live') return 'The live split has not started: results come in once it runs and orders arrive inside the window.';
  if (!e.replay) return 'No replay yet: replay history above to compare the two versions on logged orders.';
  if (replayActive(e.replay)) return 'The results appear when the replay finishes.';
  return 'The last replay failed: replay again to see results.';
}

function Results({ results }: { results: ExperimentResults }) {
  const level = Math.round(results.confidenceLevel * 100);
  if (results.orders === 0) {
    return <p className="muted">No orders to compare yet{results.source === 'live' ? ': none has arrived inside the window' : ' in the replayed range'}.</p>;
  }
  const [control, variant] = [results.arms.find((a) => a.arm === 'control'), results.arms.find((a) => a.arm === 'variant')];
  const tests = new Map<string, string[]>();
  // "paired z-test on per-order differences (delta method for the ratio)" is the same test as without the note: one paragraph, not two alike.
  for (const c of results.comparisons) {
    if (!c.test) continue;
    const test = c.test.replace(/\s*\([^)]*\)$/, '');
    tests.set(test, [...(tests.get(test) ?? []), c.label]);
  }
  const everyMetric = tests.size === 1;

  return (
    <>
      <p className="exp-headline">
        {results.orders.toLocaleString('en-GB')} orders
        {results.design === 'independent' && control && variant
          && ` (control ${control.orders.toLocaleString('en-GB')}, variant ${variant.orders.toLocaleString('en-GB')})`}
        {' · '}{level}% confidence intervals
      </p>
      <h3>In words</h3>
      <ul className="exp-sentences">
        {results.comparisons.map((c) => (
          <li key={c.metric} className={c.significant ? 'exp-sentence-sig' : undefined}>
            <strong>{c.label}:</strong> {plainSentence(c, { control: control?.version, variant: variant?.version }, results.confidenceLevel) ?? c.summary}
          </li>
        ))}
      </ul>
      <h3 id="exp-table-title">Per metric</h3>
      <ResultsTable results={results} />
      <aside className="notice notice-info exp-howto" aria-labelledby="exp-howto-title">
        <div className="notice-body">
          <h3 id="exp-howto-title">How to read this</h3>
          <p>{designSentence(results)}</p>
          {[...tests.entries()].map(([test, metrics]) => (
            <p key={test}>{testSentence(test, everyMetric ? [] : metrics, results.confidenceLevel)}</p>
          ))}
          <p>
            Differences are the variant minus the control; rates differ in percentage points (93.1% → 95.2% is +2.1 points).
            The {level}% interval (CI) is the range the true difference very likely lies in: when it includes zero, the two versions cannot be told apart.
          </p>
        </div>
      </aside>
      <h3>Charts</h3>
      <ResultsCharts results={results} />
    </>
  );
}
