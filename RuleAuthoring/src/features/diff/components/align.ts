import type { Rule } from '../../../lib/types';
import type { DiffResult, FieldChange, RuleChange, RuleChangeKind } from '../api/diff';
import { kindLabel, words } from '../../../lib/words';

/** A rule's identity in the diff: its id, or its position when it has none (an invalid draft), as the service does. */
export function ruleKey(rule: unknown, index: number): string {
  const id = typeof rule === 'object' && rule !== null ? (rule as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 ? id : `#${index}`;
}

export interface AlignedRow {
  id: string;
  kind: string | null;
  change: RuleChangeKind | 'unchanged';
  from: Rule | null;
  fromIndex: number | null;
  to: Rule | null;
  toIndex: number | null;
  fields: FieldChange[];
}

function indexByKey(rules: Rule[]): Map<string, number> {
  const map = new Map<string, number>();
  rules.forEach((r, i) => {
    const key = ruleKey(r, i);
    if (!map.has(key)) map.set(key, i);
  });
  return map;
}

/**
 * The rules of two versions as rows, one per rule id, in the later version's order. A removed rule stands
 * where it stood: before the first common rule that followed it in the earlier version (and before rules
 * added in the same gap). The service's diff says which changed or moved and which fields differ.
 */
export function alignRules(fromRules: Rule[], toRules: Rule[], changes: RuleChange[]): AlignedRow[] {
  const fromIndex = indexByKey(fromRules);
  const toIndex = indexByKey(toRules);
  const changeById = new Map(changes.map((c) => [c.id, c]));
  const removed = fromRules
    .map((rule, i) => ({ rule, i, key: ruleKey(rule, i) }))
    .filter((r) => fromIndex.get(r.key) === r.i && !toIndex.has(r.key));
  const rows: AlignedRow[] = [];
  let nextRemoved = 0;

  const flushRemovedBefore = (limit: number) => {
    while (nextRemoved < removed.length && removed[nextRemoved]!.i < limit) {
      const r = removed[nextRemoved++]!;
      rows.push({ id: r.key, kind: kindOf(r.rule), change: 'removed', from: r.rule, fromIndex: r.i, to: null, toIndex: null, fields: [] });
    }
  };

  toRules.forEach((rule, j) => {
    const key = ruleKey(rule, j);
    if (toIndex.get(key) !== j) return; // a repeated id: the service matches the first only
    const i = fromIndex.get(key);
    if (i === undefined) {
      // Removed rules of the same gap go first: the next common rule bounds the gap.
      const nextCommon = toRules.slice(j + 1).map((r, k) => fromIndex.get(ruleKey(r, j + 1 + k))).find((x) => x !== undefined);
      flushRemovedBefore(nextCommon ?? Number.POSITIVE_INFINITY);
      rows.push({ id: key, kind: kindOf(rule), change: 'added', from: null, fromIndex: null, to: rule, toIndex: j, fields: [] });
      return;
    }
    flushRemovedBefore(i);
    const change = changeById.get(key);
    const kind = change?.change === 'changed' || change?.change === 'moved' ? change.change : 'unchanged';
    rows.push({ id: key, kind: kindOf(rule) ?? kindOf(fromRules[i]), change: kind, from: fromRules[i] ?? null, fromIndex: i, to: rule, toIndex: j, fields: change?.fields ?? [] });
  });
  flushRemovedBefore(Number.POSITIVE_INFINITY);
  return rows;
}

function kindOf(rule: unknown): string | null {
  const kind = typeof rule === 'object' && rule !== null ? (rule as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' ? kind : null;
}

function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescape(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A property name in words ("maxBackorderDays" → "max backorder days"); an array index as its position, "#1". */
export function humanize(key: string): string {
  return /^\d+$/.test(key) ? `#${Number(key) + 1}` : words(key);
}

export { kindLabel };

/** A path inside a value in words, lower case: "/scope/velocityClasses" → "scope › velocity classes". */
function pathWords(pointer: string): string {
  return pointer.split('/').slice(1).map((p) => humanize(unescape(p))).join(' › ');
}

/** "/weights/cost" → "Weights › cost"; "/maxBackorderDays" → "Max backorder days". */
export function pointerLabel(pointer: string): string {
  if (pointer === '/' || pointer === '') return '(whole)';
  const text = pathWords(pointer);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A rule's leaves by pointer (objects opened, lists kept whole, as the service compares them). */
export function flatten(value: unknown, pointer = ''): { pointer: string; value: unknown }[] {
  if (!isPlainObject(value)) return [{ pointer: pointer || '/', value }];
  const entries = Object.entries(value);
  if (entries.length === 0) return pointer ? [{ pointer, value }] : [];
  return entries.flatMap(([k, v]) => flatten(v, `${pointer}/${escape(k)}`));
}

/**
 * Values as a planner reads them, never as JSON; absent reads "(not set)". A list of objects reads one
 * item a line ("SKU-000133 → SKU-000134, SKU-000135"), an object one field a line ("scope › velocity classes: A, B").
 * Render with white-space: pre-line.
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    if (value.every((v) => v === null || typeof v !== 'object')) return value.map((v) => formatValue(v)).join(', ');
    return value.map((v) => (isPlainObject(v) ? describeItem(v) : formatInline(v))).join('\n');
  }
  if (isPlainObject(value)) return describeObject(value).join('\n') || '(empty)';
  return String(value);
}

/** A value inside a line: lists of objects in brackets, one item after another. */
function formatInline(value: unknown): string {
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) {
    return value.map((v) => (isPlainObject(v) ? `(${describeItem(v)})` : formatInline(v))).join(', ');
  }
  if (isPlainObject(value)) return describeObject(value).join('; ') || '(empty)';
  return formatValue(value);
}

/** An object's leaves as "path: value" lines. */
function describeObject(value: Record<string, unknown>): string[] {
  return flatten(value).map((leaf) => `${pathWords(leaf.pointer)}: ${formatInline(leaf.value)}`);
}

/** One item of a list: a substitution ({for, use}) reads "for → use"; anything else its fields. */
function describeItem(item: Record<string, unknown>): string {
  const { for: source, use, ...rest } = item;
  if ((typeof source === 'string' || typeof source === 'number') && use !== undefined) {
    const more = describeObject(rest);
    return `${String(source)} → ${formatInline(use)}${more.length ? ` (${more.join('; ')})` : ''}`;
  }
  return describeObject(item).join('; ') || '(empty)';
}

export interface FieldRow {
  pointer: string;
  label: string;
  from: string;
  to: string;
  fromPresent: boolean;
  toPresent: boolean;
  changed: boolean;
}

/** Whether a leaf lies at or under one of the changed pointers. */
export function isChanged(pointer: string, changes: FieldChange[]): boolean {
  return changes.some((c) => c.pointer === '/' || c.pointer === pointer || pointer.startsWith(`${c.pointer}/`) || c.pointer.startsWith(`${pointer}/`));
}

/** Two rules' fields aligned by pointer (the earlier's order, then fields only the later has), changed ones marked. */
export function alignFields(from: unknown, to: unknown, changes: FieldChange[]): FieldRow[] {
  const a = from === null || from === undefined ? [] : flatten(from);
  const b = to === null || to === undefined ? [] : flatten(to);
  const aMap = new Map(a.map((x) => [x.pointer, x.value]));
  const bMap = new Map(b.map((x) => [x.pointer, x.value]));
  const pointers = [...new Set([...a.map((x) => x.pointer), ...b.map((x) => x.pointer)])];
  return pointers.map((pointer) => ({
    pointer,
    label: pointerLabel(pointer),
    from: formatValue(aMap.get(pointer)),
    to: formatValue(bMap.get(pointer)),
    fromPresent: aMap.has(pointer),
    toPresent: bMap.has(pointer),
    changed: isChanged(pointer, changes),
  }));
}

export interface DiffCounts {
  changed: number;
  added: number;
  removed: number;
  moved: number;
  fields: number;
}

export function countChanges(diff: DiffResult): DiffCounts {
  const count = (kind: RuleChangeKind) => diff.rules.filter((r) => r.change === kind).length;
  return { changed: count('changed'), added: count('added'), removed: count('removed'), moved: count('moved'), fields: diff.fields.length };
}

/** "3 rules changed, 1 added; 1 rule set field changed", or that nothing differs. */
export function summarize(diff: DiffResult): string {
  const c = countChanges(diff);
  // "moved" always names rules: "2 moved" alone read like two positions.
  const parts = ([[c.changed, 'changed'], [c.added, 'added'], [c.removed, 'removed'], [c.moved, 'moved']] as const)
    .filter(([n]) => n > 0)
    .map(([n, verb], i) => (i === 0 || verb === 'moved' ? `${n} ${n === 1 ? 'rule' : 'rules'} ${verb}` : `${n} ${verb}`));
  const rules = parts.join(', ');
  const fields = c.fields > 0 ? `${c.fields} rule set ${c.fields === 1 ? 'field' : 'fields'} changed` : '';
  if (!rules && !fields) return 'No differences: both versions have the same rules and settings.';
  return [rules, fields].filter(Boolean).join('; ');
}
