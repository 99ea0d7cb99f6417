import type { RuleSetDocument } from '../../../lib/types';
import { newRule } from '../lib/newRule';
import { kindDefinition, resolve, ruleKinds, type SchemaNode } from '../lib/schema';
import { neededFields } from '../lib/templates';

type Kind = SchemaNode & { anyOf?: SchemaNode[]; not?: SchemaNode; allOf?: Array<{ if?: SchemaNode; then?: SchemaNode }> };

const doc: RuleSetDocument = { segment: 'vip', name: 'VIP', rules: [] } as unknown as RuleSetDocument;

/** The schema's checks a new rule could miss: required lists, one-of and if/then requirements, and each value's own limits. */
function gaps(value: Record<string, unknown>, node: SchemaNode, at = ''): string[] {
  const def = resolve(node) as Kind;
  const out: string[] = [];
  const has = (n: string) => value[n] !== undefined;
  for (const name of def.required ?? []) if (!has(name)) out.push(`${at}/${name} is required`);
  if (def.anyOf && !def.anyOf.some((s) => (s.required ?? []).every(has))) out.push(`${at} needs one of ${def.anyOf.map((s) => s.required).join(' | ')}`);
  if (def.not?.required && def.not.required.every(has)) out.push(`${at} must not have all of ${def.not.required.join(', ')}`);
  for (const clause of def.allOf ?? []) {
    const cond = clause.if ?? {};
    const applies = (cond.required ?? []).every(has) && Object.entries(cond.properties ?? {}).every(([n, p]) => (value[n] ?? def.properties?.[n]?.default) === p.const);
    if (applies) for (const name of clause.then?.required ?? []) if (!has(name)) out.push(`${at}/${name} is required by ${JSON.stringify(cond.properties)}`);
  }
  if (def.minProperties && Object.keys(value).length < def.minProperties) out.push(`${at} needs at least ${def.minProperties} properties`);
  for (const [name, v] of Object.entries(value)) {
    const prop = def.properties?.[name] ? resolve(def.properties[name]!) : undefined;
    if (!prop) { out.push(`${at}/${name} is not in the schema`); continue; }
    const where = `${at}/${name}`;
    if (prop.const !== undefined && v !== prop.const) out.push(`${where} must be ${String(prop.const)}`);
    if (prop.enum && !prop.enum.includes(v)) out.push(`${where} is not one of ${prop.enum.join(', ')}`);
    if (typeof v === 'string') {
      if (prop.minLength !== undefined && v.length < prop.minLength) out.push(`${where} is empty`);
      if (prop.pattern && !new RegExp(prop.pattern).test(v)) out.push(`${where} does not match ${prop.pattern}`);
    }
    if (typeof v === 'number') {
      if (prop.minimum !== undefined && v < prop.minimum) out.push(`${where} below minimum`);
      if (prop.maximum !== undefined && v > prop.maximum) out.push(`${where} above maximum`);
      if (prop.exclusiveMinimum !== undefined && v <= prop.exclusiveMinimum) out.push(`${where} not above ${prop.exclusiveMinimum}`);
      if (prop.exclusiveMaximum !== undefined && v >= prop.exclusiveMaximum) out.push(`${where} not below ${prop.exclusiveMaximum}`);
    }
    if (Array.isArray(v) && prop.minItems !== undefined && v.length < prop.minItems) out.push(`${where} needs ${prop.minItems} items`);
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && prop.properties) out.push(...gaps(v as Record<string, unknown>, prop, where));
  }
  return out;
}

describe('new rule templates', () => {
  it.each(ruleKinds)('a new %s rule has no schema gaps', (kind) => {
    const rule = newRule(kind, doc);
    expect(gaps(rule, kindDefinition(kind)!)).toEqual([]);
  });

  it('finds the gaps of a broken rule (the check itself works)', () => {
    expect(gaps({ kind: 'hold', id: 'h' }, kindDefinition('hold')!)).not.toEqual([]);
    expect(gaps({ kind: 'reclassification', id: 'r', inspectionResult: '' }, kindDefinition('reclassification')!)).not.toEqual([]);
  });

  it('always shows the fields a "one of" or a chosen method needs', () => {
    expect(neededFields(newRule('hold', doc))).toEqual(expect.arrayContaining(['quantity', 'share']));
    expect(neededFields({ kind: 'safety_stock', id: 'x' })).toContain('quantity');
    expect(neededFields({ kind: 'safety_stock', id: 'x', method: 'days_of_supply' })).toEqual(['days']);
    expect(neededFields({ kind: 'backorder', id: 'x', action: 'substitute' })).toEqual(['substitutions']);
  });
});
