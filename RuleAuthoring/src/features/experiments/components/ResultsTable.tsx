import type { ArmResults, Comparison, ExperimentResults } from '../api/results';
import { armBounds, crossesZero, difference, interval, metricValue, verdict, verdictWords } from './reading';

/** Every metric's numbers: the text alternative of the charts below, and the place to read exact values. */
export function ResultsTable({ results }: { results: ExperimentResults }) {
  const control = results.arms.find((a) => a.arm === 'control');
  const variant = results.arms.find((a) => a.arm === 'variant');
  return (
    <div className="exp-table-wrap">
      <table className="exp-results-table" aria-labelledby="exp-table-title">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Control{control && ` v${control.version}`}</th>
            <th scope="col">Variant{variant && ` v${variant.version}`}</th>
            <th scope="col">Difference (variant − control)</th>
            <th scope="col">Significance</th>
            <th scope="col">Better arm</th>
          </tr>
        </thead>
        <tbody>
          {results.comparisons.map((c) => (
            <Row key={c.metric} c={c} level={results.confidenceLevel} control={control} variant={variant} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ c, level, control, variant }: { c: Comparison; level: number; control?: ArmResults; variant?: ArmResults }) {
  const v = verdict(c);
  const noData = v === 'no-data';
  return (
    <tr className={`exp-row-${v}`}>
      <th scope="row">
        {c.label}
        <br /><small className="muted">{c.higherIsBetter ? 'higher is better' : 'lower is better'}</small>
      </th>
      <td><ArmValue c={c} value={c.control} arm={control} /></td>
      <td><ArmValue c={c} value={c.variant} arm={variant} /></td>
      <td>
        {difference(c)}
        {!noData && <><br /><small className="muted">{interval(c, level)}</small></>}
        {!noData && crossesZero(c) && <><br /><small className="exp-crosses">interval includes zero</small></>}
      </td>
      <td>
        {noData
          ? <span className="badge">no data</span>
          : <span className={c.significant ? 'badge exp-sig' : 'badge exp-nonsig'}>{c.significant ? 'significant' : 'not significant'}</span>}
        {c.pValue != null && <><br /><small className="muted">{pText(c.pValue)}</small></>}
      </td>
      <td className={`exp-verdict exp-verdict-${v}`}>{verdictWords[v]}</td>
    </tr>
  );
}

/** The arm's value with its own interval when the service sent one. */
function ArmValue({ c, value, arm }: { c: Comparison; value: number | null; arm?: ArmResults }) {
  const estimate = arm?.metrics[c.metric];
  return (
    <>
      {metricValue(c.unit, value)}
      {value != null && estimate?.ciLow != null && estimate.ciHigh != null && (
        <><br /><small className="muted">{armBounds(c.unit, estimate.ciLow, estimate.ciHigh).map((b) => metricValue(c.unit, b)).join(' to ')}</small></>
      )}
    </>
  );
}

function pText(p: number): string {
  return p < 0.0001 ? 'p < 0.0001' : `p = ${Number(p.toPrecision(2))}`;
}
