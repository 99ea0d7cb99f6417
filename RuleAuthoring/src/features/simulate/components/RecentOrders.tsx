import { Loading } from '../../../components/Loading';
import { ProblemNotice } from '../../../components/ProblemNotice';
import { formatInstant } from '../../../lib/format';
import { recentOrderLimit, scanLimit, useRecentOrders, type RecentOrder } from '../api/recent-orders';
import { decidedUnder, lineText } from './recentOrderText';

const shownLines = 3;
const count = new Intl.NumberFormat('en-GB');

/**
 * The latest orders the OMS sourced for this segment, from the decision log: who, when, what and where it
 * shipped from then. "Load" puts an order into the order form.
 */
export function RecentOrders({ segment, loadedDecisionId, onPick }: {
  segment: string;
  loadedDecisionId: string | null;
  onPick: (order: RecentOrder) => void;
}) {
  const recent = useRecentOrders(segment, true);

  const refresh = (
    <button type="button" className="btn btn-small" disabled={recent.isFetching} onClick={() => void recent.refetch()}>
      {recent.isFetching && !recent.isPending ? 'Refreshing…' : 'Refresh'}<span className="sr-only"> recent orders</span>
    </button>
  );

  if (recent.isPending) return <Loading what="recent orders" />;
  if (recent.isError) {
    return (
      <div>
        <ProblemNotice problem={recent.error} />
        <div className="toolbar">{refresh}</div>
      </div>
    );
  }

  const { orders, complete, scanned, unreadable } = recent.data;
  if (orders.length === 0) {
    return (
      <div className="toolbar">
        <p>
          {complete
            ? `No orders decided for ${segment} yet — orders appear here once the OMS sources them.`
            : `No orders decided for ${segment} among the latest ${count.format(scanned)} decisions — orders appear here once the OMS sources them.`}
        </p>
        {refresh}
      </div>
    );
  }

  const intro = orders.length >= recentOrderLimit
    ? `The ${orders.length} latest orders decided for ${segment}, newest first.`
    : complete
      ? `All ${orders.length === 1 ? 'the one order' : `${orders.length} orders`} decided for ${segment}, newest first.`
      : `The ${orders.length === 1 ? 'one order' : `${orders.length} orders`} decided for ${segment} among the latest ${count.format(scanLimit)} decisions, newest first.`;
  return (
    <div>
      <div className="toolbar">
        <p className="muted">{intro} Load one to put it into the order form, as the OMS sent it, to edit and simulate.</p>
        {refresh}
      </div>
      {unreadable > 0 && (
        <p className="notice notice-warn">{unreadable === 1 ? 'One more order' : `${unreadable} more orders`} could not be read from the decision log.</p>
      )}
      <table aria-label={`Recent orders of ${segment}`}>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Decided</th>
            <th scope="col">Customer tier</th>
            <th scope="col">Lines</th>
            <th scope="col">Shipped from then</th>
            <th scope="col"><span className="sr-only">Load</span></th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => {
            const loaded = o.decisionId === loadedDecisionId;
            return (
              <tr key={o.decisionId}>
                <th scope="row" className="mono">
                  {o.orderId}
                  {loaded && <> <span className="badge badge-published">loaded</span></>}
                </th>
                <td>
                  {formatInstant(o.decidedAt)}
                  <div className="muted">under {decidedUnder(o.ruleSet, o.arm)}</div>
                </td>
                <td>
                  {o.customer.tier ?? '—'}{o.customer.strategic && ', strategic'}
                  {o.customer.id && <div className="muted mono">{o.customer.id}</div>}
                </td>
                <td>
                  <ul className="sim-explanation">
                    {o.lines.slice(0, shownLines).map((l) => <li key={l.lineId} className="mono">{lineText(l)}</li>)}
                    {o.lines.length > shownLines && <li className="muted">and {o.lines.length - shownLines} more</li>}
                  </ul>
                </td>
                <td className="mono">
                  {o.nodes.length ? o.nodes.join(', ') : <span className="muted">none</span>}
                </td>
                <td>
                  {o.body ? (
                    <button type="button" className="btn btn-small" onClick={() => onPick(o)}>
                      Load<span className="sr-only"> order {o.orderId}</span>
                    </button>
                  ) : (
                    <span className="muted">request not readable</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
