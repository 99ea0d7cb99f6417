const ABBREVIATIONS: Record<string, string> = {
  safety_stock: 'SS',
  hold: 'H',
  allocation_priority: 'AP',
  node_eligibility: 'NE',
  routing: 'R',
  split: 'SP',
  backorder: 'BO',
  cross_dock: 'XD',
  reclassification: 'RC',
  reorder: 'RO',
  peak: 'PK',
};

/** A small coloured badge per rule kind, so that a long list reads at a glance (decorative: the kind is also in words). */
export function KindIcon({ kind }: { kind: string }) {
  return (
    <span className={`ed-kind ed-kind-${kind}`} aria-hidden="true">
      {ABBREVIATIONS[kind] ?? '?'}
    </span>
  );
}
