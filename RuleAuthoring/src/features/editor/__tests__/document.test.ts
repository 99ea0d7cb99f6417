import type { RuleSetDocument } from '../../../lib/types';
import { addRule, deleteRule, duplicateRule, getIn, jsonEqual, moveRule, removeIn, setIn, uniqueRuleId, updateRule, withProperty } from '../lib/document';
import { newRule } from '../lib/newRule';

const doc = (): RuleSetDocument => ({
  segment: 'vip',
  name: 'VIP',
  rules: [
    { kind: 'hold', id: 'a', forSegment: 'vip', share: 0.1, scope: { countries: ['DE'] } },
    { kind: 'routing', id: 'b', weights: { cost: 1 } },
    { kind: 'split', id: 'c' },
  ],
});

describe('document helpers', () => {
  it('sets a nested property without touching the original, creating objects on the way', () => {
    const original = doc();
    const next = setIn(original, ['rules', 1, 'weights', 'transitDays'], 5);
    expect(getIn(next, ['rules', 1, 'weights'])).toEqual({ cost: 1, transitDays: 5 });
    expect(getIn(original, ['rules', 1, 'weights'])).toEqual({ cost: 1 });
    expect(next.rules[0]).toBe(original.rules[0]);

    const created = setIn(original, ['rules', 2, 'scope', 'countries'], ['CH']);
    expect(created.rules[2]).toEqual({ kind: 'split', id: 'c', scope: { countries: ['CH'] } });
  });

  it('removes a nested property, an array element, and prunes emptied objects when asked', () => {
    const original = doc();
    expect(removeIn(original, ['rules', 0, 'share']).rules[0]).not.toHaveProperty('share');
    expect(removeIn(original, ['rules', 0, 'scope', 'countries', 0]).rules[0]!.scope).toEqual({ countries: [] });
    expect(removeIn(original, ['rules', 0, 'scope', 'countries']).rules[0]!.scope).toEqual({});
    expect(removeIn(original, ['rules', 0, 'scope', 'countries'], { prune: true }).rules[0]).not.toHaveProperty('scope');
    expect(removeIn(original, ['rules', 0, 'missing'])).toBe(original);
    expect(original.rules[0]).toHaveProperty('share', 0.1);
  });

  it('leaves a property out when a field is emptied', () => {
    expect(withProperty({ a: 1, b: 2 }, 'a', undefined)).toEqual({ b: 2 });
    expect(withProperty({ a: 1 }, 'b', 3)).toEqual({ a: 1, b: 3 });
  });

  it('adds, updates, moves and deletes rules', () => {
    const original = doc();
    const added = addRule(original, { kind: 'peak', id: 'd' });
    expect(added.rules.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(addRule(original, { kind: 'peak', id: 'd' }, 0).rules.map((r) => r.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(updateRule(original, 1, { kind: 'routing', id: 'b2' }).rules.map((r) => r.id)).toEqual(['a', 'b2', 'c']);
    expect(moveRule(original, 0, 2).rules.map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(moveRule(original, 2, 0).rules.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(moveRule(original, 0, 9).rules.map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(moveRule(original, 1, 1)).toBe(original);
    expect(deleteRule(original, 1).rules.map((r) => r.id)).toEqual(['a', 'c']);
    expect(original.rules.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('duplicates a rule right after it with a unique id', () => {
    const d = duplicateRule(doc(), 0);
    expect(d.rules.map((r) => r.id)).toEqual(['a', 'a-copy', 'b', 'c']);
    expect(d.rules[1]).toMatchObject({ kind: 'hold', share: 0.1, scope: { countries: ['DE'] } });
    expect(d.rules[1]!.scope).not.toBe(d.rules[0]!.scope);
    expect(duplicateRule(d, 0).rules.map((r) => r.id)).toEqual(['a', 'a-copy-2', 'a-copy', 'b', 'c']);
  });

  it('makes ids unique and valid', () => {
    expect(uniqueRuleId('hold', [])).toBe('hold');
    expect(uniqueRuleId('hold', ['hold', 'hold-2'])).toBe('hold-3');
    expect(uniqueRuleId('My Rule!', [])).toBe('my-rule-');
    expect(uniqueRuleId('--', [])).toBe('rule');
  });

  it('creates a new rule with what its kind requires', () => {
    const d = doc();
    expect(newRule('hold', d)).toEqual({ kind: 'hold', id: 'hold', name: 'New hold rule', forSegment: 'vip', share: 0.1 });
    expect(newRule('safety_stock', d)).toMatchObject({ kind: 'safety_stock', method: 'fixed', quantity: 2 });
    expect(newRule('allocation_priority', d).score).not.toBe('');
    expect(newRule('peak', d)).toMatchObject({ kind: 'peak', adjustments: { safetyStockFactor: 1.5 } });
    const withHold = addRule(d, newRule('hold', d));
    expect(newRule('hold', withHold).id).toBe('hold-2');
  });

  it('compares JSON structurally', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });
});
