import { useId } from 'react';
import { formatInstant } from '../../../lib/format';
import type { RecentOrder } from '../api/recent-orders';
import type { SimulationAnswer } from '../api/simulate';
import { decidedUnder, thenVsNow } from './recentOrderText';
import { answerLabel } from './SimulationResult';

/** Where a decided order shipped from then, against where this version would ship it from now. */
export function ThenVsNow({ order, now, edited }: { order: RecentOrder; now: SimulationAnswer; edited: boolean }) {
  const headingId = useId();
  const cmp = thenVsNow(order, now);
  const thenTitle = `Then (${decidedUnder(order.ruleSet, order.arm)}, ${formatInstant(order.decidedAt)})`;
  const nowTitle = `Now (${answerLabel(now)})`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>Then vs now: order <span className="mono">{order.orderId}</span></h3>
      <p role="status"><strong>{cmp.summary}</strong></p>
      <table aria-label={`Then vs now, order ${order.orderId}`}>
        <thead><tr><th scope="col">What</th><th scope="col">{thenTitle}</th><th scope="col">{nowTitle}</th></tr></thead>
        <tbody>
          <tr className={cmp.sameNodes ? undefined : 'sim-differs'}>
            <th scope="row">Shipped from</th>
            <td className="mono">{cmp.then.join(', ') || 'none'}</td>
            <td className="mono">{cmp.now.join(', ') || 'none'}</td>
          </tr>
          {cmp.comparison.lines.map((l) => (
            <tr key={l.lineId} className={l.differs ? 'sim-differs' : undefined}>
              <th scope="row">Line {l.lineId} <span className="mono muted">{l.sku}</span></th>
              <td>{l.inForce}</td>
              <td>{l.draft}</td>
            </tr>
          ))}
          {cmp.comparison.totals.filter((t) => t.differs && t.label !== 'Cost').map((t) => (
            <tr key={t.label} className="sim-differs">
              <th scope="row">{t.label}</th><td>{t.inForce}</td><td>{t.draft}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="muted sim-explanation">
        <li>
          Then is what the service decided and reserved at the time; now is {answerLabel(now)} on today&apos;s positions, nothing reserved.
          {cmp.sameVersion
            ? ` Both are ${order.ruleSet.id}, so any difference comes from stock that moved since (and today's date), not from the rules.`
            : ' Stock has moved since, so a difference can come from stock as well as from the rules.'}
        </li>
        {order.heldUnits > 0 && (
          <li>This order still holds {order.heldUnits} {order.heldUnits === 1 ? 'unit' : 'units'} in live reservations, which today&apos;s positions count as taken.</li>
        )}
        {edited && <li>You edited the order after loading it: differences can also come from your edits.</li>}
      </ul>
    </section>
  );
}
