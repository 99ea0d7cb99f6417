import { useId } from 'react';
import { formatInstant } from '../../../lib/format';
import type { SimulationAnswer } from '../api/simulate';
import { TraceList } from './TraceList';
import { chosenNodes, exclusionsOf, totalsSentence } from './traceText';

export function answerLabel(answer: SimulationAnswer): string {
  return answer.ruleSet.status === 'draft' ? `draft v${answer.ruleSet.version}` : `v${answer.ruleSet.version}`;
}

/**
 * One simulated decision: the chosen nodes first, then per line where it ships from, what is backordered
 * or substituted, why (the explanation), which nodes were left out and why, and the full trace.
 */
export function SimulationResult({ answer, title, differingLines }: {
  answer: SimulationAnswer;
  title: string;
  /** Line ids whose outcome differs from the other version's: highlighted. */
  differingLines?: ReadonlySet<string>;
}) {
  const headingId = useId();
  const chosen = chosenNodes(answer);
  const exclusions = exclusionsOf(answer.trace);
  return (
    <section className="sim-result card" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="muted sim-meta">
        Decided under <span className="mono">{answer.ruleSet.id}</span> ({answer.ruleSet.segment}, {answerLabel(answer)}
        {answer.ruleSet.status === 'draft' ? ', not published' : ''}) on today's positions. Nothing was reserved.
      </p>
      <h4 className="sim-chosen">
        {chosen.length > 0
          ? <>Chosen: {chosen.map((c, i) => (
              <span key={c.node}>{i > 0 && ', '}<strong className="mono">{c.node}</strong> <span className="muted">({c.quantity} {c.quantity === 1 ? 'unit' : 'units'}, line{c.lines.length > 1 ? 's' : ''} {c.lines.join(', ')})</span></span>
            ))}</>
          : <>Chosen: none. No node ships anything for this order.</>}
      </h4>
      <p className="sim-totals">{totalsSentence(answer)}.</p>

      {answer.lines.map((line) => {
        const differs = differingLines?.has(line.lineId) ?? false;
        return (
          <table key={line.lineId} className={differs ? 'sim-line-table sim-differs' : 'sim-line-table'}>
            <caption>
              Line {line.lineId}: <span className="mono">{line.sku}</span>, {line.requested} requested
              {differs && <span className="badge sim-diff-badge">differs</span>}
            </caption>
            <thead><tr><th scope="col">Node</th><th scope="col">Quantity</th><th scope="col">Promise date</th></tr></thead>
            <tbody>
              {line.allocations.map((a, i) => (
                <tr key={`a${i}`}><td className="mono">{a.node}</td><td>{a.quantity}</td><td>{formatInstant(a.promiseDate)}</td></tr>
              ))}
              {line.substitutions.map((s, i) => (
                <tr key={`s${i}`} className="sim-substitution">
                  <td className="mono">{s.node}</td>
                  <td>{s.quantity} <span className="muted">of substitute <span className="mono">{s.sku}</span></span></td>
                  <td>{formatInstant(s.promiseDate)}</td>
                </tr>
              ))}
              {line.allocations.length === 0 && line.substitutions.length === 0 && (
                <tr><td colSpan={3} className="muted">No node ships this line.</td></tr>
              )}
              {line.backordered > 0 && (
                <tr className="sim-short"><td>Backordered</td><td>{line.backordered}</td><td>{line.backorderPromiseDate ? formatInstant(line.backorderPromiseDate) : 'no date promised'}</td></tr>
              )}
              {line.rejected > 0 && (
                <tr className="sim-short"><td>Refused</td><td>{line.rejected}</td><td>—</td></tr>
              )}
            </tbody>
          </table>
        );
      })}

      <h4>Why</h4>
      <ul className="sim-explanation" aria-label={`Explanation, ${title}`}>
        {answer.explanation.map((e, i) => <li key={i}>{e}</li>)}
      </ul>

      <h4>Nodes excluded</h4>
      {exclusions.length === 0 ? (
        <p className="muted">No node was excluded.</p>
      ) : (
        <table className="sim-exclusions" aria-label={`Nodes excluded, ${title}`}>
          <thead><tr><th scope="col">Node</th><th scope="col">Why</th><th scope="col">Rule</th><th scope="col">Lines</th></tr></thead>
          <tbody>
            {exclusions.flatMap((x) => x.reasons.map((r, i) => (
              <tr key={`${x.node}-${i}`}>
                <td className="mono">{i === 0 ? x.node : ''}</td>
                <td>{r.reason}</td>
                <td className="mono">{r.ruleId ?? '—'}</td>
                <td>{r.lines.length ? r.lines.join(', ') : 'all'}</td>
              </tr>
            )))}
          </tbody>
        </table>
      )}

      <TraceList trace={answer.trace} label={`Decision trace, ${title}`} />
    </section>
  );
}
