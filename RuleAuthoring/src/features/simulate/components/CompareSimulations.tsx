import type { SimulationAnswer } from '../api/simulate';
import { SimulationResult, answerLabel } from './SimulationResult';
import { compareSimulations } from './traceText';

/** The order under this version and under the version in force, side by side, differences first. */
export function CompareSimulations({ draft, inForce }: { draft: SimulationAnswer; inForce: SimulationAnswer }) {
  const cmp = compareSimulations(draft, inForce);
  const differing = new Set(cmp.lines.filter((l) => l.differs).map((l) => l.lineId));
  const thisTitle = `This version (${answerLabel(draft)})`;
  const forceTitle = `In force (${answerLabel(inForce)})`;
  return (
    <div className="sim-compare">
      <section className="card sim-differences" aria-labelledby="sim-differences-title">
        <h3 id="sim-differences-title">Differences</h3>
        <p role="status">
          {cmp.differences === 0
            ? 'Both versions decide this order the same way.'
            : `${cmp.differences} ${cmp.differences === 1 ? 'difference' : 'differences'} between ${answerLabel(draft)} and ${answerLabel(inForce)} (in force).`}
        </p>
        <table aria-label="Differences between the two versions">
          <thead><tr><th scope="col">What</th><th scope="col">{thisTitle}</th><th scope="col">{forceTitle}</th></tr></thead>
          <tbody>
            <tr className={cmp.chosen.differs ? 'sim-differs' : undefined}>
              <th scope="row">Chosen nodes</th>
              <td className="mono">{cmp.chosen.draft.join(', ') || 'none'}</td>
              <td className="mono">{cmp.chosen.inForce.join(', ') || 'none'}</td>
            </tr>
            {cmp.lines.map((l) => (
              <tr key={l.lineId} className={l.differs ? 'sim-differs' : undefined}>
                <th scope="row">Line {l.lineId} <span className="mono muted">{l.sku}</span></th>
                <td>{l.draft}</td>
                <td>{l.inForce}</td>
              </tr>
            ))}
            {cmp.totals.filter((t) => t.differs).map((t) => (
              <tr key={t.label} className="sim-differs">
                <th scope="row">{t.label}</th><td>{t.draft}</td><td>{t.inForce}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="sim-columns">
        <SimulationResult answer={draft} title={`Result under ${thisTitle.toLowerCase()}`} differingLines={differing} />
        <SimulationResult answer={inForce} title={`Result under the version in force (${answerLabel(inForce)})`} differingLines={differing} />
      </div>
    </div>
  );
}
