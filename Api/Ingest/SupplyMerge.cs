namespace InventoryRules.Api.Ingest;

/// <summary>
/// How a batch's change merges into a stored supply line, the same in both stores: quantities add,
/// a cancellation sticks, and the ETA reported by the latest-occurring event wins.
/// </summary>
static class SupplyMerge
{
    public const string OnConflict = """
        ON CONFLICT (sku, node, reference) DO UPDATE SET
            expected = supply_lines.expected + excluded.expected,
            received = supply_lines.received + excluded.received,
            cancelled = supply_lines.cancelled OR excluded.cancelled,
            eta = CASE WHEN excluded.eta_set_at IS NOT NULL
                        AND (supply_lines.eta_set_at IS NULL OR excluded.eta_set_at > supply_lines.eta_set_at)
                       THEN excluded.eta ELSE supply_lines.eta END,
            eta_set_at = CASE WHEN excluded.eta_set_at IS NOT NULL
                        AND (supply_lines.eta_set_at IS NULL OR excluded.eta_set_at > supply_lines.eta_set_at)
                       THEN excluded.eta_set_at ELSE supply_lines.eta_set_at END,
            updated_at = excluded.updated_at
        """;
}
