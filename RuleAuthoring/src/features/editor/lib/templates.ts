import { kindDefinition, type SchemaNode } from './schema';

/**
 * A working start for each kind of rule: valid by rules-schema.json (its required lists, its "one of" and
 * "if method is … then …" requirements) with realistic values from the sample rule sets, so that a new
 * rule arrives without errors and a planner only adjusts it. The segment is filled in where a kind needs it.
 */
export function ruleTemplate(kind: string, segment: string): Record<string, unknown> {
  switch (kind) {
    case 'safety_stock': return { method: 'fixed', quantity: 2 };
    case 'hold': return { forSegment: segment, share: 0.1 };
    case 'allocation_priority': return { score: 'customer.ContractPriority * 100 + line.Margin' };
    case 'node_eligibility': return { eligible: 'node.Country == order.ShipToCountry', reason: 'ships from another country' };
    case 'routing': return { weights: { transitDays: 3, cost: 1, cutoffMissed: 5 } };
    case 'split': return { allowSplit: true, maxNodesPerOrder: 2, splitPenalty: 4.5 };
    case 'backorder': return { action: 'backorder', maxBackorderDays: 14 };
    case 'cross_dock': return { minQuantity: 12, maxDwellHours: 24 };
    case 'reclassification': return { inspectionResult: 'damaged_packaging', from: 'sellable', to: 'damaged' };
    case 'reorder': return { reorderPoint: 'position.BurnRate * 2', orderUpTo: 'position.BurnRate * 5' };
    case 'peak': return { burnRateThreshold: 2, adjustments: { safetyStockFactor: 1.5 } };
    default: return {};
  }
}

/** What a rule of each kind is typically called: the Name field's placeholder. */
export const NAME_EXAMPLES: Record<string, string> = {
  safety_stock: 'Safety stock for A items at stores',
  hold: 'Ring-fence A items for VIP during spikes',
  allocation_priority: 'Contract first, then tier, then strategic accounts',
  node_eligibility: 'Serve stores from their own country',
  routing: 'Fastest node, cost a distant concern',
  split: 'Split up to three parcels',
  backorder: 'Backorder when supply arrives within three weeks',
  cross_dock: 'Cross-dock inbound at DCs when stock is thin',
  reclassification: 'Failed temperature inspection: quarantine',
  reorder: 'Dairy: reorder at 1.5 days, up to 4 days',
  peak: 'Demand spike: 50 % more safety stock',
};

function matches(rule: Record<string, unknown>, condition: SchemaNode, definition: SchemaNode): boolean {
  for (const name of condition.required ?? []) if (rule[name] === undefined) return false;
  for (const [name, prop] of Object.entries(condition.properties ?? {})) {
    const value = rule[name] ?? definition.properties?.[name]?.default;
    if (prop.const !== undefined && value !== prop.const) return false;
  }
  return true;
}

/**
 * The properties a rule of its kind needs now, beyond the schema's plain "required" list: every option of a
 * "give one of" requirement (a hold's quantity or share) and what the chosen method or action needs (a fixed
 * safety stock's quantity, a substitute backorder's substitutions). The form never tucks these away.
 */
export function neededFields(rule: Record<string, unknown>): string[] {
  const definition = kindDefinition(String(rule.kind)) as (SchemaNode & { anyOf?: SchemaNode[]; allOf?: Array<{ if?: SchemaNode; then?: SchemaNode }> }) | undefined;
  if (!definition) return [];
  const out = new Set<string>();
  const anyOf = definition.anyOf ?? [];
  // A long "at least one of" list (node eligibility's six requirements): show the first option when none is set.
  const oneOf = anyOf.flatMap((s) => s.required ?? []);
  if (oneOf.length <= 2) oneOf.forEach((n) => out.add(n));
  else if (!oneOf.some((n) => rule[n] !== undefined) && oneOf[0]) out.add(oneOf[0]);
  for (const clause of definition.allOf ?? []) {
    if (clause.if && clause.then && matches(rule, clause.if, definition)) (clause.then.required ?? []).forEach((n) => out.add(n));
  }
  return [...out];
}
