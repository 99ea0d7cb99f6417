import { useQuery } from '@tanstack/react-query';
import { get } from '../../../lib/api';
import { parseOrderJson, type OrderBody } from './order';
import type { SimulationAnswer, SimulationTotals, TraceStep } from './simulate';

/**
 * Orders the OMS had decided, read back from the decision log (API.md "Decisions"):
 * GET /v1/decisions?segment=&kind=source (newest first) and GET /v1/decisions/{decisionId} for each order's
 * stored request and outcome. Segment and kind are checked here too, so an older service that ignores those
 * filters still gives the right list.
 */

/** A row of GET /v1/decisions. */
export interface DecisionSummary {
  decisionId: string;
  /** "source" for an order the OMS sourced; "allocation_run" for a constrained run over many demands. */
  kind: string;
  orderId: string | null;
  segment: string;
  ruleSet: DecidedRuleSet;
  arm: string | null;
  createdAt: string;
  decideMicros: number;
  totalMicros: number;
}

export interface DecidedRuleSet {
  id: string;
  segment: string;
  version: number;
}

export interface ResultPage<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface DecidedAllocation {
  node: string;
  quantity: number;
  promiseDate: string;
  reservationId?: string | null;
  reservationStatus?: string | null;
}

export interface DecidedSubstitution extends DecidedAllocation {
  sku: string;
}

export interface DecidedLine {
  lineId: string;
  sku: string;
  requested: number;
  allocations: DecidedAllocation[];
  backordered: number;
  rejected: number;
  backorderPromiseDate: string | null;
  substitutions: DecidedSubstitution[];
}

export interface DecisionReservation {
  id: string;
  decisionId: string;
  orderId: string | null;
  lineId: string;
  sku: string;
  node: string;
  quantity: number;
  shipped: number;
  /** soft, confirmed, shipped, released or expired (read now). */
  status: string;
  createdAt: string;
  expiresAt: string | null;
  updatedAt: string;
}

/** GET /v1/decisions/{decisionId}. */
export interface DecisionDetail {
  decisionId: string;
  kind: string;
  orderId: string | null;
  createdAt: string;
  ruleSet: DecidedRuleSet;
  arm: string | null;
  /** The validated request as stored: quantities in eaches, customer defaults filled in. */
  request: unknown;
  lines: DecidedLine[];
  /** Allocation runs only. */
  ranking: unknown;
  totals: SimulationTotals;
  reservations: DecisionReservation[];
  expiresAt: string | null;
  /** What the decision read: positions, node states, settings (not read here). */
  snapshot: Record<string, unknown>;
  trace: (TraceStep & { orderId?: string | null })[];
  explanation: string[];
  timings: { decideMicros: number; totalMicros: number };
}

/** An order as decided then, ready to load into the order form. */
export interface RecentOrder {
  decisionId: string;
  orderId: string;
  decidedAt: string;
  ruleSet: DecidedRuleSet;
  arm: string | null;
  /** The stored request as a simulate body; null when the log's request cannot be read as an order. */
  body: OrderBody | null;
  customer: { id: string | null; tier: string | null; strategic: boolean };
  lines: DecidedLine[];
  totals: SimulationTotals;
  /** The nodes that shipped something then (allocations and substitutions), in line order. */
  nodes: string[];
  /** Units the order still holds in live (soft or confirmed) reservations: today's positions count them as taken. */
  heldUnits: number;
}

export interface RecentOrders {
  orders: RecentOrder[];
  /** Decisions looked at (all segments, newest first). */
  scanned: number;
  /** True when the whole log was looked at, so an empty list means none at all. */
  complete: boolean;
  /** Orders listed but whose decision could not be read. */
  unreadable: number;
}

/** How many orders the list shows, and how far back it looks for them. */
export const recentOrderLimit = 10;
const scanPageSize = 200;
export const scanLimit = 1000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The nodes that shipped something, each once, in the order the lines name them. */
export function shippedFrom(lines: DecidedLine[]): string[] {
  const nodes: string[] = [];
  for (const line of lines) {
    for (const a of [...line.allocations, ...line.substitutions]) {
      if (a.quantity > 0 && !nodes.includes(a.node)) nodes.push(a.node);
    }
  }
  return nodes;
}

/** A decision as a recent order; its request is checked as a pasted order would be (the service stores it in eaches). */
export function recentOrderOf(detail: DecisionDetail, segment: string): RecentOrder {
  const request = isObject(detail.request) ? detail.request : null;
  const { orderId: _orderId, ...asSent } = request ?? {};
  const body = request ? parseOrderJson(JSON.stringify(asSent), segment).body : null;
  const customer = request && isObject(request.customer) ? request.customer : {};
  return {
    decisionId: detail.decisionId,
    orderId: detail.orderId ?? detail.decisionId,
    decidedAt: detail.createdAt,
    ruleSet: detail.ruleSet,
    arm: detail.arm,
    body,
    customer: {
      id: typeof customer.id === 'string' ? customer.id : null,
      tier: typeof customer.tier === 'string' ? customer.tier : null,
      strategic: customer.strategic === true,
    },
    lines: detail.lines,
    totals: detail.totals,
    nodes: shippedFrom(detail.lines),
    heldUnits: detail.reservations
      .filter((r) => r.status === 'soft' || r.status === 'confirmed')
      .reduce((sum, r) => sum + Math.max(0, r.quantity - r.shipped), 0),
  };
}

/** The decision then in the shape of a simulation answer, to compare line by line with a simulation now. */
export function answerThen(order: RecentOrder): SimulationAnswer {
  return {
    ruleSet: { ...order.ruleSet, status: 'published' },
    lines: order.lines.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      requested: l.requested,
      allocations: l.allocations.map((a) => ({ sku: l.sku, node: a.node, quantity: a.quantity, promiseDate: a.promiseDate })),
      backordered: l.backordered,
      rejected: l.rejected,
      substitutions: l.substitutions.map((s) => ({ sku: s.sku, node: s.node, quantity: s.quantity, promiseDate: s.promiseDate })),
      backorderPromiseDate: l.backorderPromiseDate,
    })),
    totals: order.totals,
    explanation: [],
    trace: [],
  };
}

/**
 * The latest orders of a segment: reads the log newest first, filtered by segment and kind (up to
 * {@link scanLimit} decisions), keeps the segment's sourced orders, then reads each one's decision.
 */
export async function fetchRecentOrders(segment: string, signal?: AbortSignal): Promise<RecentOrders> {
  const found: DecisionSummary[] = [];
  const seen = new Set<string>();
  let scanned = 0;
  let complete = false;
  for (let page = 1; found.length < recentOrderLimit; page++) {
    const result = await get<ResultPage<DecisionSummary>>(`/v1/decisions?segment=${encodeURIComponent(segment)}&kind=source&page=${page}&pageSize=${scanPageSize}`, signal);
    scanned += result.items.length;
    for (const d of result.items) {
      // Pages are offsets: an order decided meanwhile shifts the next page by one, so a decision may come twice.
      if (seen.has(d.decisionId)) continue;
      seen.add(d.decisionId);
      if (d.kind === 'source' && d.segment === segment && d.orderId && found.length < recentOrderLimit) found.push(d);
    }
    if (result.items.length < scanPageSize || page * scanPageSize >= result.total) {
      complete = true;
      break;
    }
    if (scanned >= scanLimit) break;
  }
  const details = await Promise.allSettled(found.map((d) =>
    get<DecisionDetail>(`/v1/decisions/${encodeURIComponent(d.decisionId)}`, signal)));
  const orders = details.flatMap((r) => (r.status === 'fulfilled' ? [recentOrderOf(r.value, segment)] : []));
  const failed = details.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (orders.length === 0 && failed.length > 0) throw failed[0]!.reason;
  return { orders, scanned, complete, unreadable: failed.length };
}

/** Read only once the planner opens "Recent orders". */
export function useRecentOrders(segment: string, enabled: boolean) {
  return useQuery({
    queryKey: ['simulate', 'recent-orders', segment],
    enabled,
    staleTime: 30_000,
    queryFn: ({ signal }) => fetchRecentOrders(segment, signal),
  });
}
