import type { RuleProblem, RuleSetDocument } from '../../../lib/types';
import { describeLocation, fieldPointers, nearestField, parsePointer, placeProblems, plannerMessage, ruleIndexOf, toPointer } from '../lib/pointer';
import { ruleFields } from '../lib/schema';

const doc: RuleSetDocument = {
  segment: 'vip',
  name: 'VIP',
  entitlements: { consumeHolds: true },
  rules: [
    { kind: 'hold', id: 'vip-hold', forSegment: 'vip', share: 1.5, scope: { countries: ['XX'] } },
    { kind: 'allocation_priority', id: 'prio', score: 'customer.Tier', tieBreaks: [{ expression: 'line.Margin' }, { expression: '' }] },
    { kind: 'mystery', id: 'odd' },
  ],
};

const problem = (pointer: string, severity: RuleProblem['severity'] = 'error'): RuleProblem => ({ pointer, code: 'x', message: `at ${pointer}`, severity });

describe('JSON pointers', () => {
  it('parses and builds pointers with RFC 6901 escapes', () => {
    expect(parsePointer('/rules/3/scope/countries/0')).toEqual(['rules', '3', 'scope', 'countries', '0']);
    expect(parsePointer('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(parsePointer('')).toEqual([]);
    expect(toPointer(['rules', 3, 'a/b'])).toBe('/rules/3/a~1b');
  });

  it('finds the rule a pointer is inside', () => {
    expect(ruleIndexOf('/rules/3/condition')).toBe(3);
    expect(ruleIndexOf('/rules/3')).toBe(3);
    expect(ruleIndexOf('/rules')).toBeNull();
    expect(ruleIndexOf('/name')).toBeNull();
  });

  it('lists the pointer of every control a rule form renders', () => {
    const pointers = fieldPointers(ruleFields('allocation_priority')!, doc.rules[1], '/rules/1');
    expect(pointers).toEqual(expect.arrayContaining([
      '/rules/1/id', '/rules/1/condition', '/rules/1/score', '/rules/1/scope', '/rules/1/scope/countries',
      '/rules/1/tieBreaks', '/rules/1/tieBreaks/0', '/rules/1/tieBreaks/0/expression', '/rules/1/tieBreaks/1/descending',
    ]));
    expect(pointers).not.toContain('/rules/1/tieBreaks/2');
  });

  it('maps a problem to the nearest rendered field', () => {
    const fields = new Set(['/rules/3/scope', '/rules/3/scope/countries', '/rules/3/condition']);
    expect(nearestField('/rules/3/condition', fields)).toBe('/rules/3/condition');
    expect(nearestField('/rules/3/scope/countries/0', fields)).toBe('/rules/3/scope/countries');
    expect(nearestField('/rules/3/scope/nope', fields)).toBe('/rules/3/scope');
    expect(nearestField('/rules/3', fields)).toBeNull();
  });

  it('places problems at their fields, on their rule, or on the rule set', () => {
    const problems = [
      problem('/rules/0/share'),
      problem('/rules/0/scope/countries/0', 'warning'),
      problem('/rules/0'),
      problem('/rules/0/unknownProperty'),
      problem('/rules/1/tieBreaks/1/expression'),
      problem('/rules/2/whatever'),
      problem('/name'),
      problem('/entitlements/consumeHolds'),
      problem('/rules'),
      problem(''),
      problem('/rules/9/id'),
    ];
    const placed = placeProblems(problems, doc);
    expect(placed.byField.get('/rules/0/share')?.map((p) => p.pointer)).toEqual(['/rules/0/share']);
    expect(placed.byField.get('/rules/0/scope/countries')?.[0]?.severity).toBe('warning');
    expect(placed.byField.get('/rules/1/tieBreaks/1/expression')).toHaveLength(1);
    expect(placed.byField.get('/name')).toHaveLength(1);
    expect(placed.byField.get('/entitlements/consumeHolds')).toHaveLength(1);
    expect(placed.ruleLevel.get(0)?.map((p) => p.pointer)).toEqual(['/rules/0', '/rules/0/unknownProperty']);
    // A kind the schema does not know has no fields: its problems are about the rule.
    expect(placed.ruleLevel.get(2)?.map((p) => p.pointer)).toEqual(['/rules/2/whatever']);
    expect(placed.byRule.get(0)).toHaveLength(4);
    expect(placed.documentLevel.map((p) => p.pointer)).toEqual(['/rules', '', '/rules/9/id']);
    expect(placed.fieldOf.get(problems[1]!)).toBe('/rules/0/scope/countries');
  });

  it('says where a problem is in words', () => {
    expect(describeLocation('/rules/0/scope/countries/0', doc)).toBe('vip-hold › Scope › Countries › Item 1');
    expect(describeLocation('/rules/1/tieBreaks/1/expression', doc)).toBe('prio › Tie breaks › Tie break 2 › Expression');
    expect(describeLocation('/rules/0/id', doc)).toBe('vip-hold › Rule id');
    expect(describeLocation('/name', doc)).toBe('Rule set › Rule set name');
  });
});

describe('plannerMessage', () => {
  it('drops JSON pointers and the owner prefix', () => {
    expect(plannerMessage("Rule 'reorder' (reorder): reorderPoint must not be empty.")).toBe('reorderPoint must not be empty.');
    expect(plannerMessage('/rules/0/share: Share must be at most 1.')).toBe('Share must be at most 1.');
    expect(plannerMessage('Share must be at most 1. (/rules/0/share)')).toBe('Share must be at most 1.');
    expect(plannerMessage("Rule 'New hold rule' (hold) needs quantity or share.")).toBe('This rule needs quantity or share.');
    expect(plannerMessage('Rule set name must not be empty')).toBe('Rule set name must not be empty');
  });
});
