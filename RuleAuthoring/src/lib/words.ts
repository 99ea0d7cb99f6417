/** Names from the schema and the service in planners' words: one spelling for the whole tool. */

/**
 * "maxBackorderDays" → "max backorder days", "velocity_classes" → "velocity classes". An acronym inside
 * a camelCase name stays ("maxSKUCount" → "max SKU count"); a name all in capitals does not.
 */
export function words(name: string): string {
  const shouting = name === name.toUpperCase();
  return name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
    .filter(Boolean)
    .map((w) => (!shouting && /^[A-Z][A-Z0-9]+$/.test(w) ? w : w.toLowerCase()))
    .join(' ');
}

/** A field label: "forCustomerTiers" → "For customer tiers". */
export function label(name: string): string {
  const text = words(name);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A rule kind as planners say it: "node_eligibility" or "NODE_ELIGIBILITY" → "Node eligibility", "cross_dock" → "Cross-dock". */
export function kindLabel(kind: unknown): string {
  if (typeof kind !== 'string' || !kind) return '—';
  return kind.toLowerCase() === 'cross_dock' ? 'Cross-dock' : label(kind);
}
