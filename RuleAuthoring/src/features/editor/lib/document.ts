import type { Rule, RuleSetDocument } from '../../../lib/types';

/** A path into the document: property names and array indexes ("/rules/3/scope" is ['rules', 3, 'scope']). */
export type Path = ReadonlyArray<string | number>;

type Json = unknown;

export function getIn(value: Json, path: Path): Json {
  let current: Json = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, Json>)[key];
  }
  return current;
}

/** A copy with the value at path replaced; missing objects (or arrays, for a numeric key) are created on the way. */
export function setIn<T>(value: T, path: Path, next: Json): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path as [string | number, ...Array<string | number>];
  const container: Json = value ?? (typeof key === 'number' ? [] : {});
  const child = setIn(getIn(container, [key]), rest, next);
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[Number(key)] = child;
    return copy as T;
  }
  return { ...(container as Record<string, Json>), [key]: child } as T;
}

/**
 * A copy without the value at path: a property is deleted, an array element spliced out. With `prune`,
 * objects left empty on the way up are removed too (a scope without lists means "all", as if left out).
 */
export function removeIn<T>(value: T, path: Path, options: { prune?: boolean } = {}): T {
  if (path.length === 0 || value === null || typeof value !== 'object') return value;
  const [key, ...rest] = path as [string | number, ...Array<string | number>];
  if (rest.length === 0) {
    if (Array.isArray(value)) return value.filter((_, i) => i !== Number(key)) as T;
    if (!(key in (value as object))) return value;
    const { [key]: _removed, ...others } = value as Record<string, Json>;
    void _removed;
    return others as T;
  }
  const child = getIn(value, [key]);
  if (child === null || typeof child !== 'object') return value;
  const nextChild = removeIn(child, rest, options);
  if (nextChild === child) return value;
  const empty = !Array.isArray(nextChild) && Object.keys(nextChild as object).length === 0;
  if (options.prune && empty) return removeIn(value, [key], options);
  return setIn(value, [key], nextChild);
}

/** A copy of obj with key set, or removed when the value is undefined (a field left empty is left out). */
export function withProperty<T extends object>(obj: T, key: string, next: Json): T {
  if (next === undefined) return removeIn(obj, [key]);
  return { ...obj, [key]: next };
}

export function updateRule(doc: RuleSetDocument, index: number, rule: Rule): RuleSetDocument {
  const rules = [...doc.rules];
  rules[index] = rule;
  return { ...doc, rules };
}

/** Inserts a rule (at the end unless `at` is given). */
export function addRule(doc: RuleSetDocument, rule: Rule, at = doc.rules.length): RuleSetDocument {
  const rules = [...doc.rules];
  rules.splice(Math.max(0, Math.min(at, rules.length)), 0, rule);
  return { ...doc, rules };
}

/** Moves the rule at `from` to position `to` (clamped); order matters: earlier rules of a kind win. */
export function moveRule(doc: RuleSetDocument, from: number, to: number): RuleSetDocument {
  if (from < 0 || from >= doc.rules.length) return doc;
  const target = Math.max(0, Math.min(to, doc.rules.length - 1));
  if (target === from) return doc;
  const rules = [...doc.rules];
  const [moved] = rules.splice(from, 1);
  rules.splice(target, 0, moved!);
  return { ...doc, rules };
}

export function deleteRule(doc: RuleSetDocument, index: number): RuleSetDocument {
  if (index < 0 || index >= doc.rules.length) return doc;
  return { ...doc, rules: doc.rules.filter((_, i) => i !== index) };
}

/** A copy of the rule right after it, with a new unique id and "(copy)" in its name. */
export function duplicateRule(doc: RuleSetDocument, index: number): RuleSetDocument {
  const original = doc.rules[index];
  if (!original) return doc;
  const copy: Rule = structuredClone(original);
  copy.id = uniqueRuleId(`${original.id || original.kind}-copy`, doc.rules.map((r) => r.id));
  if (original.name) copy.name = `${original.name} (copy)`;
  return addRule(doc, copy, index + 1);
}

/**
 * An id not used yet: the base itself when free, otherwise base-2, base-3, … Ids are lower-case letters,
 * digits, '-' and '_' (at most 64 characters), as the schema requires.
 */
export function uniqueRuleId(base: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  const clean = base.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 58) || 'rule';
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) {
    const candidate = `${clean}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Structural equality of two JSON values (key order ignored). */
export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k)
    && jsonEqual((a as Record<string, Json>)[k], (b as Record<string, Json>)[k]));
}
