import type { RuleProblem, RuleSetDocument } from '../../../lib/types';
import type { Path } from './document';
import { ruleFields, ruleSetFields, type FieldSpec } from './schema';

/** "/rules/3/scope/countries/0" → ['rules', '3', 'scope', 'countries', '0'] (RFC 6901 unescaping). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer.replace(/^\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(path: Path): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The index of the rule a pointer is inside, or null for the rule set's own fields. */
export function ruleIndexOf(pointer: string): number | null {
  const [first, second] = parsePointer(pointer);
  if (first !== 'rules' || second === undefined || !/^\d+$/.test(second)) return null;
  return Number(second);
}

/**
 * The pointers of every control the form renders for a value: one per property, nested objects and
 * their properties, and each item of a list of objects with its properties.
 */
export function fieldPointers(fields: FieldSpec[], value: unknown, base: string): string[] {
  const out: string[] = [];
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  for (const field of fields) {
    const pointer = `${base}${toPointer([field.name])}`;
    out.push(pointer);
    const child = record[field.name];
    if (field.widget === 'object' && field.fields) out.push(...fieldPointers(field.fields, child, pointer));
    if (field.widget === 'objectList' && field.fields && Array.isArray(child)) {
      child.forEach((item, i) => {
        out.push(`${pointer}/${i}`);
        out.push(...fieldPointers(field.fields!, item, `${pointer}/${i}`));
      });
    }
  }
  return out;
}

/**
 * The field a problem belongs to: the longest rendered field pointer that is the problem's pointer or a
 * prefix of it (a problem at /rules/3/scope/countries/0 belongs to the Countries field). Null when none
 * matches: the problem is about the rule (or the rule set) as a whole.
 */
export function nearestField(pointer: string, fields: ReadonlySet<string>): string | null {
  const segments = parsePointer(pointer);
  for (let n = segments.length; n > 0; n--) {
    const candidate = toPointer(segments.slice(0, n));
    if (fields.has(candidate)) return candidate;
  }
  return null;
}

export interface PlacedProblems {
  /** Field pointer → problems shown under that field. */
  byField: Map<string, RuleProblem[]>;
  /** Rule index → every problem inside that rule (for the red dot and count in the list). */
  byRule: Map<number, RuleProblem[]>;
  /** Rule index → problems inside the rule that no field shows (shown at the top of the rule). */
  ruleLevel: Map<number, RuleProblem[]>;
  /** Problems of the rule set itself that no field shows. */
  documentLevel: RuleProblem[];
  /** Problem → the field it is shown at, if any. */
  fieldOf: Map<RuleProblem, string>;
}

function push<K>(map: Map<K, RuleProblem[]>, key: K, problem: RuleProblem) {
  const list = map.get(key);
  if (list) list.push(problem);
  else map.set(key, [problem]);
}

/** Puts every problem where a planner will see it: under its field, at the top of its rule, or on the rule set. */
export function placeProblems(problems: readonly RuleProblem[], doc: RuleSetDocument): PlacedProblems {
  const rootFields = new Set(fieldPointers(ruleSetFields(), doc, ''));
  const ruleFieldSets = new Map<number, Set<string>>();
  const placed: PlacedProblems = { byField: new Map(), byRule: new Map(), ruleLevel: new Map(), documentLevel: [], fieldOf: new Map() };
  for (const problem of problems) {
    const index = ruleIndexOf(problem.pointer);
    if (index === null || index >= doc.rules.length) {
      const field = nearestField(problem.pointer, rootFields);
      if (field) {
        push(placed.byField, field, problem);
        placed.fieldOf.set(problem, field);
      } else {
        placed.documentLevel.push(problem);
      }
      continue;
    }
    push(placed.byRule, index, problem);
    let fields = ruleFieldSets.get(index);
    if (!fields) {
      const rule = doc.rules[index]!;
      const specs = ruleFields(rule.kind);
      fields = new Set(specs ? fieldPointers(specs, rule, `/rules/${index}`) : []);
      ruleFieldSets.set(index, fields);
    }
    const field = nearestField(problem.pointer, fields);
    if (field) {
      push(placed.byField, field, problem);
      placed.fieldOf.set(problem, field);
    } else {
      push(placed.ruleLevel, index, problem);
    }
  }
  return placed;
}

export function countBySeverity(problems: readonly RuleProblem[] | undefined): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const p of problems ?? []) {
    if (p.severity === 'warning') warnings++;
    else errors++;
  }
  return { errors, warnings };
}

/**
 * Where a problem is, in words: "vip-hold › Scope › Countries" or "Rule set › Rule set name". Field labels come
 * from the generated form, list items are numbered from 1.
 */
export function describeLocation(pointer: string, doc: RuleSetDocument, options: { byName?: boolean } = {}): string {
  const segments = parsePointer(pointer);
  const index = ruleIndexOf(pointer);
  let fields: FieldSpec[] | undefined;
  let rest: string[];
  const parts: string[] = [];
  if (index !== null) {
    const rule = doc.rules[index];
    const title = options.byName ? rule?.name?.trim() || rule?.id : rule?.id;
    parts.push(title || `Rule ${index + 1}`);
    fields = rule ? ruleFields(rule.kind) : undefined;
    rest = segments.slice(2);
  } else {
    parts.push('Rule set');
    fields = ruleSetFields();
    rest = segments;
  }
  let itemLabel = 'Item';
  for (const segment of rest) {
    if (/^\d+$/.test(segment)) {
      parts.push(`${itemLabel} ${Number(segment) + 1}`);
      continue;
    }
    const spec = fields?.find((f) => f.name === segment);
    parts.push(spec?.label ?? segment);
    itemLabel = spec?.itemLabel ?? 'Item';
    fields = spec?.fields;
  }
  return parts.join(' › ');
}

/**
 * A validator message as a planner reads it, once its place is said in words beside it: without the owner
 * prefix ("Rule 'VIP hold' (vip-hold): ") and without JSON pointers ("/rules/0/share: ", " (/rules/0/share)").
 */
export function plannerMessage(message: string): string {
  let text = message
    .replace(/\s*\((?:\/[^)\s]*)?\)/g, (m) => (m.includes('/') || m.trim() === '()' ? '' : m))
    .replace(/^\/[^\s:]*:\s*/, '');
  const owner = /^Rule '.*?'(?: \([^)]*\))?(:\s*| )/.exec(text);
  if (owner) text = owner[1]!.startsWith(':') ? text.slice(owner[0].length) : `This rule ${text.slice(owner[0].length)}`;
  text = text.trim();
  return text || message;
}

/** "1 error", "2 errors", "1 warning". */
export function countWords(n: number, singular: string): string {
  return `${n} ${n === 1 ? singular : `${singular}s`}`;
}
