import { fieldsForObject, humanise, kindLabel, ruleFields, ruleKinds, ruleSetFields, type FieldSpec } from '../lib/schema';

const byName = (fields: FieldSpec[] | undefined, name: string) => {
  const field = fields?.find((f) => f.name === name);
  if (!field) throw new Error(`no field ${name}`);
  return field;
};

describe('schema → form', () => {
  it('humanises property names into labels', () => {
    expect(humanise('forCustomerTiers')).toBe('For customer tiers');
    expect(humanise('maxNodesPerOrder')).toBe('Max nodes per order');
    expect(humanise('share')).toBe('Share');
    expect(humanise('safety_stock')).toBe('Safety stock');
    expect(kindLabel('cross_dock')).toBe('Cross-dock');
  });

  it('knows every rule kind of the schema', () => {
    expect(ruleKinds).toEqual(['safety_stock', 'hold', 'allocation_priority', 'node_eligibility', 'routing', 'split', 'backorder',
      'cross_dock', 'reclassification', 'reorder', 'peak']);
    for (const kind of ruleKinds) expect(ruleFields(kind)?.length).toBeGreaterThan(5);
    expect(ruleFields('mystery')).toBeUndefined();
  });

  it('generates the hold form: labels, help, examples and widgets', () => {
    const fields = ruleFields('hold')!;
    expect(fields.map((f) => f.name)).toEqual(['kind', 'id', 'name', 'description', 'enabled', 'condition', 'scope', 'forSegment',
      'forCustomerTiers', 'quantity', 'share', 'expiresAt']);
    expect(byName(fields, 'kind')).toMatchObject({ widget: 'const', constValue: 'hold', label: 'Kind' });
    expect(byName(fields, 'id')).toMatchObject({ widget: 'text', label: 'Rule id', required: true, pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' });
    expect(byName(fields, 'enabled')).toMatchObject({ widget: 'checkbox', default: true, required: false });
    expect(byName(fields, 'share')).toMatchObject({
      widget: 'number', label: 'Share', integer: false, min: 0, max: 1, required: false, placeholder: 'e.g. 0.15',
      help: 'Share of on-hand units held per item and node, from 0 to 1 (0.15 = 15 %).',
    });
    expect(byName(fields, 'quantity')).toMatchObject({ widget: 'number', integer: true, min: 1 });
    // $ref with a sibling description: the sibling wins, the referenced pattern stays.
    expect(byName(fields, 'forSegment')).toMatchObject({ widget: 'text', label: 'For segment', required: true, pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' });
    expect(byName(fields, 'forSegment').help).toMatch(/^The segment the held units are kept for/);
    expect(byName(fields, 'forCustomerTiers')).toMatchObject({ widget: 'tags', label: 'For customer tiers', placeholder: 'e.g. gold, platinum', options: undefined });
    expect(byName(fields, 'condition')).toMatchObject({ widget: 'expression', inputs: ['item', 'node', 'position', 'context', 'order', 'customer'] });
    expect(byName(fields, 'expiresAt')).toMatchObject({ widget: 'text', format: 'date-time', label: 'Expires at' });
    expect(byName(fields, 'description')).toMatchObject({ widget: 'textarea' });

    const scope = byName(fields, 'scope');
    expect(scope.widget).toBe('object');
    expect(scope.fields?.map((f) => f.name)).toEqual(['skus', 'categories', 'velocityClasses', 'nodes', 'nodeTypes', 'countries']);
    expect(byName(scope.fields, 'velocityClasses')).toMatchObject({ widget: 'tags', options: ['A', 'B', 'C'] });
    expect(byName(scope.fields, 'nodeTypes')).toMatchObject({ widget: 'tags', options: ['dc', 'store', 'dark_store', 'mfc', '3pl'] });
    expect(byName(scope.fields, 'countries')).toMatchObject({ widget: 'tags', pattern: '^[A-Z]{2}$', placeholder: 'e.g. DE' });
  });

  it('generates the routing form with a fieldset of weights', () => {
    const fields = ruleFields('routing')!;
    expect(fields.map((f) => f.name)).toEqual(['kind', 'id', 'name', 'description', 'enabled', 'condition', 'scope', 'weights', 'score']);
    const weights = byName(fields, 'weights');
    expect(weights).toMatchObject({ widget: 'object', label: 'Weights', required: false });
    expect(weights.help).toMatch(/^Weights of the routing cost terms/);
    expect(weights.fields?.map((f) => f.label)).toEqual(['Transit days', 'Distance km', 'Cost', 'Inventory depth', 'Capacity left', 'Cutoff missed']);
    expect(byName(weights.fields, 'transitDays')).toMatchObject({ widget: 'number', min: 0, max: 1000, default: 1 });
    expect(byName(fields, 'score')).toMatchObject({ widget: 'expression', inputs: ['order', 'line', 'item', 'node', 'position', 'context'] });
  });

  it('generates lists of objects, enums and tri-state booleans for other kinds', () => {
    const priority = ruleFields('allocation_priority')!;
    const tieBreaks = byName(priority, 'tieBreaks');
    expect(tieBreaks).toMatchObject({ widget: 'objectList', itemLabel: 'Tie break' });
    expect(tieBreaks.fields?.map((f) => [f.name, f.widget])).toEqual([['expression', 'expression'], ['descending', 'checkbox']]);

    const backorder = ruleFields('backorder')!;
    expect(byName(backorder, 'action')).toMatchObject({ widget: 'select', options: ['backorder', 'substitute', 'reject'], default: 'backorder' });
    expect(byName(backorder, 'substitutions').fields?.map((f) => [f.name, f.widget])).toEqual([['for', 'text'], ['use', 'tags']]);

    const eligibility = ruleFields('node_eligibility')!;
    expect(byName(eligibility, 'requireDutyPaid')).toMatchObject({ widget: 'checkbox', default: undefined });
    expect(byName(eligibility, 'requireCapabilities')).toMatchObject({ widget: 'tags', options: ['ship_from_store', 'cross_dock', 'cold_chain'] });

    const peak = ruleFields('peak')!;
    expect(byName(peak, 'adjustments')).toMatchObject({ widget: 'object', required: true });
  });

  it('labels the rule set fields apart from rule fields', () => {
    expect(ruleSetFields().map((f) => [f.name, f.label])).toEqual([
      ['segment', 'Segment'], ['name', 'Rule set name'], ['description', 'Rule set description'], ['entitlements', 'Entitlements'],
    ]);
    expect(fieldsForObject({ properties: { a: { type: 'string' } } })[0]).toMatchObject({ widget: 'text', required: false });
  });
});
