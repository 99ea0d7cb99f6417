import { formatInstant } from '../../../lib/format';
import { answerThen, type DecidedLine, type DecidedRuleSet, type RecentOrder } from '../api/recent-orders';
import type { SimulationAnswer } from '../api/simulate';
import { chosenNodes, compareSimulations, type SimulationComparison } from './traceText';

/** "A", "A and B", "A, B and C". */
export function andList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "vip v1": the version that decided an order then. */
export function decidedUnder(ruleSet: DecidedRuleSet, arm: string | null = null): string {
  return `${ruleSet.segment} v${ruleSet.version}${arm ? ` (arm ${arm})` : ''}`;
}

/** "SKU-000208 × 3" per line; quantities are eaches as the log stores them. */
export function lineText(line: Pick<DecidedLine, 'sku' | 'requested'>): string {
  return `${line.sku} × ${line.requested}`;
}

/** What became of an order that no node shipped: "2 backordered, 1 refused". */
function unshipped(order: RecentOrder): string {
  const parts: string[] = [];
  if (order.totals.backordered) parts.push(`${order.totals.backordered} backordered`);
  if (order.totals.rejected) parts.push(`${order.totals.rejected} refused`);
  return parts.join(', ') || 'nothing allocated';
}

/** "Loaded order ORD-2 decided 26 Nov 2026, 18:47 under vip v1: it shipped from 3PL-LEIPZIG and DC-FRANKFURT then." */
export function loadedSentence(order: RecentOrder): string {
  const head = `Loaded order ${order.orderId} decided ${formatInstant(order.decidedAt)} under ${decidedUnder(order.ruleSet, order.arm)}`;
  return order.nodes.length
    ? `${head}: it shipped from ${andList(order.nodes)} then.`
    : `${head}: no node shipped it then (${unshipped(order)}).`;
}

export interface ThenVsNow {
  /** Rows aligned by line id: `draft` is now, `inForce` is then. */
  comparison: SimulationComparison;
  then: string[];
  now: string[];
  sameNodes: boolean;
  summary: string;
  /** Both decided by the same version: any difference comes from stock and the date, not from rules. */
  sameVersion: boolean;
}

/** The order as decided then against the same order simulated now under this version. */
export function thenVsNow(order: RecentOrder, now: SimulationAnswer): ThenVsNow {
  const comparison = compareSimulations(now, answerThen(order));
  const then = order.nodes;
  const nowNodes = chosenNodes(now).map((c) => c.node);
  const sameNodes = [...then].sort().join() === [...nowNodes].sort().join();
  const name = (nodes: string[]) => (nodes.length ? andList(nodes) : 'no node');
  const summary = sameNodes
    ? `Same as then: ${name(then)}.`
    : `Different from then: ${name(then)} then, ${name(nowNodes)} now.`;
  return { comparison, then, now: nowNodes, sameNodes, summary, sameVersion: now.ruleSet.id === order.ruleSet.id };
}
