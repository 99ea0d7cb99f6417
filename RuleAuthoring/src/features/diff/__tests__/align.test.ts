import type { Rule } from '../../../lib/types';
import type { DiffResult } from '../api/diff';
import { alignFields, alignRules, flatten, formatValue, humanize, kindLabel, pointerLabel, ruleKey, summarize } from '../components/align';

const r = (id: string, extra: Partial<Rule> = {}): Rule => ({ kind: 'node_eligibility', id, name: id.toUpperCase(), ...extra });

describe('alignRules', () => {
  // The real shape of a diff: ecommerce v1 → v2 with hazmat moved first, capacity removed, basel added, two changed.
  const from = [r('domestic'), r('sfs'), r('hazmat'), r('capacity'), r('shelf', { kind: 'safety_stock', quantity: 2 }), r('cost', { kind: 'routing' })];
  const to = [r('hazmat'), r('domestic'), r('sfs'), r('basel'), r('shelf', { kind: 'safety_stock', quantity: 3 }), r('cost', { kind: 'routing' })];
  const changes: DiffResult['rules'] = [
    { id: 'hazmat', kind: 'node_eligibility', change: 'moved', fromIndex: 2, toIndex: 0, fields: [] },
    { id: 'domestic', kind: 'node_eligibility', change: 'moved', fromIndex: 0, toIndex: 1, fields: [] },
    { id: 'sfs', kind: 'node_eligibility', change: 'moved', fromIndex: 1, toIndex: 2, fields: [] },
    { id: 'basel', kind: 'node_eligibility', change: 'added', toIndex: 3, fields: [] },
    { id: 'capacity', kind: 'node_eligibility', change: 'removed', fromIndex: 3, fields: [] },
    { id: 'shelf', kind: 'safety_stock', change: 'changed', fromIndex: 4, toIndex: 4, fields: [{ pointer: '/quantity', from: 2, to: 3 }] },
  ];

  it('gives one row per rule id in the later order, removed rules where they stood, before additions in the same gap', () => {
    const rows = alignRules(from, to, changes);
    expect(rows.map((x) => [x.id, x.change, x.fromIndex, x.toIndex])).toEqual([
      ['hazmat', 'moved', 2, 0],
      ['domestic', 'moved', 0, 1],
      ['sfs', 'moved', 1, 2],
      ['capacity', 'removed', 3, null],
      ['basel', 'added', null, 3],
      ['shelf', 'changed', 4, 4],
      ['cost', 'unchanged', 5, 5],
    ]);
    const shelf = rows.find((x) => x.id === 'shelf')!;
    expect(shelf.from?.quantity).toBe(2);
    expect(shelf.to?.quantity).toBe(3);
    expect(shelf.fields).toEqual([{ pointer: '/quantity', from: 2, to: 3 }]);
    expect(rows.find((x) => x.id === 'capacity')).toMatchObject({ to: null, kind: 'node_eligibility' });
  });

  it('keeps removed rules at the end when nothing common follows them', () => {
    const rows = alignRules([r('a'), r('b'), r('c')], [r('a'), r('x')], []);
    expect(rows.map((x) => `${x.id}:${x.change}`)).toEqual(['a:unchanged', 'b:removed', 'c:removed', 'x:added']);
  });

  it('knows rules without ids by their position, as the service does', () => {
    expect(ruleKey({ kind: 'routing' }, 4)).toBe('#4');
    expect(ruleKey({ id: 7 }, 1)).toBe('#1');
    const rows = alignRules([{ kind: 'routing' } as Rule], [{ kind: 'routing', name: 'x' } as Rule],
      [{ id: '#0', change: 'changed', fromIndex: 0, toIndex: 0, fields: [{ pointer: '/name', to: 'x' }] }]);
    expect(rows.map((x) => [x.id, x.change])).toEqual([['#0', 'changed']]);
  });

  it('handles empty versions', () => {
    expect(alignRules([], [r('a')], [])).toEqual([expect.objectContaining({ id: 'a', change: 'added' })]);
    expect(alignRules([], [], [])).toEqual([]);
  });
});

describe('fields', () => {
  it('flattens objects by pointer, keeping lists whole', () => {
    expect(flatten({ id: 'x', weights: { cost: 1, 'a/b': 2 }, scope: { nodeTypes: ['dc'] } })).toEqual([
      { pointer: '/id', value: 'x' },
      { pointer: '/weights/cost', value: 1 },
      { pointer: '/weights/a~1b', value: 2 },
      { pointer: '/scope/nodeTypes', value: ['dc'] },
    ]);
    expect(pointerLabel('/weights/a~1b')).toBe('Weights › a/b');
    expect(pointerLabel('/forSegment')).toBe('For segment');
    expect(pointerLabel('/maxBackorderDays')).toBe('Max backorder days');
    expect(pointerLabel('/scope/velocityClasses')).toBe('Scope › velocity classes');
  });

  it('aligns both sides by pointer and marks changed leaves, also under a changed object', () => {
    const rows = alignFields(
      { id: 'shelf', quantity: 2, weights: { cost: 1 } },
      { id: 'shelf', quantity: 3, weights: { cost: 1 }, scope: { nodeTypes: ['store', 'dark_store'] } },
      [{ pointer: '/quantity', from: 2, to: 3 }, { pointer: '/scope', to: { nodeTypes: ['store', 'dark_store'] } }],
    );
    expect(rows.map((x) => [x.label, x.from, x.to, x.changed])).toEqual([
      ['Id', 'shelf', 'shelf', false],
      ['Quantity', '2', '3', true],
      ['Weights › cost', '1', '1', false],
      ['Scope › node types', '(not set)', 'store, dark_store', true],
    ]);
    expect(rows[3]).toMatchObject({ fromPresent: false, toPresent: true });
  });

  it('formats values for reading', () => {
    expect(formatValue(undefined)).toBe('(not set)');
    expect(formatValue([])).toBe('(none)');
    expect(formatValue(true)).toBe('true');
    expect(formatValue([{ a: 1 }])).toBe('a: 1');
  });

  it('never shows JSON: substitutions, nested objects and lists read as lines', () => {
    expect(formatValue([{ for: 'SKU-000133', use: ['SKU-000134', 'SKU-000135'] }, { for: 'SKU-000200', use: ['SKU-000201'] }]))
      .toBe('SKU-000133 → SKU-000134, SKU-000135\nSKU-000200 → SKU-000201');
    expect(formatValue({ scope: { velocityClasses: ['A', 'B'] }, maxBackorderDays: 3 }))
      .toBe('scope › velocity classes: A, B\nmax backorder days: 3');
    expect(formatValue([{ node: 'DC-1', limits: { maxUnits: 5 } }])).toBe('node: DC-1; limits › max units: 5');
    expect(formatValue({})).toBe('(empty)');
    for (const v of [[{ a: { b: [{ c: 1 }] } }], { x: [{ y: 'z' }] }]) expect(formatValue(v)).not.toMatch(/[{}"[\]]/);
  });

  it('names kinds and properties in words', () => {
    expect(kindLabel('NODE_ELIGIBILITY')).toBe('Node eligibility');
    expect(kindLabel('node_eligibility')).toBe('Node eligibility');
    expect(kindLabel('routing')).toBe('Routing');
    expect(humanize('forSegment')).toBe('for segment');
    expect(humanize('maxSKUCount')).toBe('max SKU count');
  });
});

describe('summarize', () => {
  const base: DiffResult = { fields: [], rules: [] };
  const rule = (change: 'added' | 'removed' | 'changed' | 'moved') => ({ id: change + Math.random(), change, fields: [] });
  it('counts like a planner says it', () => {
    expect(summarize({ ...base, rules: [rule('changed'), rule('changed'), rule('changed'), rule('added')] })).toBe('3 rules changed, 1 added');
    expect(summarize({ ...base, rules: [rule('removed'), rule('moved'), rule('moved')] })).toBe('1 rule removed, 2 rules moved');
    expect(summarize({ fields: [{ pointer: '/name', from: 'a', to: 'b' }], rules: [rule('added')] })).toBe('1 rule added; 1 rule set field changed');
    expect(summarize(base)).toBe('No differences: both versions have the same rules and settings.');
  });
});
