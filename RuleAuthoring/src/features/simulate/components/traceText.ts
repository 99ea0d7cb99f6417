import type { SimulatedLine, SimulationAnswer, TraceStep } from '../api/simulate';
import { words } from '../../../lib/words';

/** The engine's stable step names (Engine/Decisions/TraceSteps.cs) in planners' words. */
const stepLabels: Record<string, string> = {
  rule_set: 'Rule set',
  peak: 'Peak period',
  split: 'Split policy',
  excluded: 'Node excluded',
  safety_stock: 'Safety stock',
  hold: 'Hold',
  entitlement: 'Entitlement',
  routing: 'Routing score',
  allocated: 'Allocated',
  substituted: 'Substituted',
  backordered: 'Backordered',
  rejected: 'Refused',
  shortfall: 'Shortfall',
  late: 'Late promise',
  rule_failed: 'Rule failed',
  priority: 'Priority',
  candidates: 'Candidate nodes',
  choice: 'Plan chosen',
};

export function stepLabel(step: string): string {
  return stepLabels[step] ?? step.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

const figureLabels: Record<string, string> = {
  distanceKm: 'distance (km)',
  costPerOrder: 'cost per order',
  costPerUnit: 'cost per unit',
};

/** "transitDays" → "transit days"; a few units spelled out. */
export function figureLabel(key: string): string {
  return figureLabels[key] ?? words(key);
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** Figures as planners read them: at most two decimals; a figure the engine could not compute (infinite) reads "—". */
export function formatFigure(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : number.format(value);
}

export interface FigureText {
  label: string;
  value: string;
}

export function formatFigures(figures: TraceStep['figures']): FigureText[] {
  if (!figures) return [];
  return Object.entries(figures).map(([key, value]) => ({ label: figureLabel(key), value: formatFigure(value) }));
}

export interface TraceRow {
  index: number;
  step: string;
  label: string;
  ruleId: string | null;
  lineId: string | null;
  node: string | null;
  message: string;
  figures: FigureText[];
}

/** The trace as numbered, labelled rows (never raw JSON). */
export function traceRows(trace: TraceStep[]): TraceRow[] {
  return trace.map((t, i) => ({
    index: i + 1,
    step: t.step,
    label: stepLabel(t.step),
    ruleId: t.ruleId,
    lineId: t.lineId,
    node: t.node,
    message: t.message,
    figures: formatFigures(t.figures),
  }));
}

export interface ChosenNode {
  node: string;
  quantity: number;
  lines: string[];
}

/** The nodes that would ship something (allocations and substitutions), in the order the lines name them. */
export function chosenNodes(answer: Pick<SimulationAnswer, 'lines'>): ChosenNode[] {
  const byNode = new Map<string, ChosenNode>();
  for (const line of answer.lines) {
    for (const a of [...line.allocations, ...line.substitutions]) {
      if (a.quantity <= 0) continue;
      const entry = byNode.get(a.node) ?? { node: a.node, quantity: 0, lines: [] };
      entry.quantity += a.quantity;
      if (!entry.lines.includes(line.lineId)) entry.lines.push(line.lineId);
      byNode.set(a.node, entry);
    }
  }
  return [...byNode.values()];
}

export interface Exclusion {
  node: string;
  reasons: { reason: string; ruleId: string | null; lines: string[] }[];
}

/** Why nodes were left out: from the trace's "excluded" steps ("DC-EAST excluded: not duty-paid for CH"), per node. */
export function exclusionsOf(trace: TraceStep[]): Exclusion[] {
  const byNode = new Map<string, Exclusion>();
  for (const t of trace) {
    if (t.step !== 'excluded' || !t.node) continue;
    const marker = ' excluded: ';
    const at = t.message.indexOf(marker);
    const reason = at >= 0 ? t.message.slice(at + marker.length) : t.message;
    const entry = byNode.get(t.node) ?? { node: t.node, reasons: [] };
    let same = entry.reasons.find((r) => r.reason === reason && r.ruleId === t.ruleId);
    if (!same) {
      same = { reason, ruleId: t.ruleId, lines: [] };
      entry.reasons.push(same);
    }
    if (t.lineId && !same.lines.includes(t.lineId)) same.lines.push(t.lineId);
    byNode.set(t.node, entry);
  }
  return [...byNode.values()];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 from DC-HAMBURG, 1 from ST-BERLIN-01; 1 backordered" — a line's outcome in one phrase. */
export function lineOutcome(line: SimulatedLine): string {
  const parts: string[] = [];
  const shipped = line.allocations.filter((a) => a.quantity > 0).map((a) => `${a.quantity} from ${a.node}`);
  if (shipped.length) parts.push(shipped.join(', '));
  const subs = line.substitutions.filter((s) => s.quantity > 0).map((s) => `${s.quantity} × ${s.sku} from ${s.node}`);
  if (subs.length) parts.push(`substituted ${subs.join(', ')}`);
  if (line.backordered > 0) parts.push(`${line.backordered} backordered`);
  if (line.rejected > 0) parts.push(`${line.rejected} refused`);
  return parts.length ? parts.join('; ') : 'nothing';
}

export function totalsSentence(answer: Pick<SimulationAnswer, 'totals'>): string {
  const t = answer.totals;
  const parts = [`${t.allocated} of ${t.requested} allocated`];
  if (t.substituted) parts.push(`${t.substituted} substituted`);
  if (t.backordered) parts.push(`${t.backordered} backordered`);
  if (t.rejected) parts.push(`${t.rejected} refused`);
  parts.push(plural(t.shipments, 'shipment'));
  return parts.join(', ');
}

export interface LineComparison {
  lineId: string;
  sku: string;
  draft: string;
  inForce: string;
  differs: boolean;
}

export interface SimulationComparison {
  lines: LineComparison[];
  chosen: { draft: string[]; inForce: string[]; differs: boolean };
  totals: { label: string; draft: string; inForce: string; differs: boolean }[];
  /** How many things differ; 0: both versions decide the order alike. */
  differences: number;
}

/** The same order under two versions, aligned by line id, with what differs marked. */
export function compareSimulations(draft: SimulationAnswer, inForce: SimulationAnswer): SimulationComparison {
  const ids = [...new Set([...draft.lines.map((l) => l.lineId), ...inForce.lines.map((l) => l.lineId)])];
  const lines = ids.map((lineId) => {
    const a = draft.lines.find((l) => l.lineId === lineId);
    const b = inForce.lines.find((l) => l.lineId === lineId);
    const da = a ? lineOutcome(a) : '—';
    const db = b ? lineOutcome(b) : '—';
    return { lineId, sku: a?.sku ?? b?.sku ?? '', draft: da, inForce: db, differs: da !== db };
  });
  const chosenA = chosenNodes(draft).map((c) => c.node);
  const chosenB = chosenNodes(inForce).map((c) => c.node);
  const chosenDiffers = [...chosenA].sort().join() !== [...chosenB].sort().join();
  const totalKeys: [keyof SimulationAnswer['totals'], string][] = [
    ['allocated', 'Allocated'], ['substituted', 'Substituted'], ['backordered', 'Backordered'], ['rejected', 'Refused'],
    ['shipments', 'Shipments'], ['cost', 'Cost'],
  ];
  const totals = totalKeys.map(([key, label]) => {
    const a = formatFigure(draft.totals[key]);
    const b = formatFigure(inForce.totals[key]);
    return { label, draft: a, inForce: b, differs: a !== b };
  });
  const differences = lines.filter((l) => l.differs).length + (chosenDiffers ? 1 : 0) + totals.filter((t) => t.differs).length;
  return { lines, chosen: { draft: chosenA, inForce: chosenB, differs: chosenDiffers }, totals, differences };
}
