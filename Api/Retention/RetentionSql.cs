namespace InventoryRules.Api.Retention;

/// <summary>
/// The statements that fold one position's events before the cutoff into what is kept, portable between
/// SQLite and PostgreSQL (sums cast back to 64 bits; no LEAST/GREATEST, which SQLite lacks).
/// </summary>
static class RetentionSql
{
    public const string DuePositions = """
        SELECT DISTINCT sku AS Sku, node AS Node FROM events
        WHERE occurred_at < @cutoff AND (sku > @afterSku OR (sku = @afterSku AND node > @afterNode))
        ORDER BY sku, node
        LIMIT @limit
        """;

    public const string CountDue = """
        SELECT COUNT(*) FROM (SELECT DISTINCT sku, node FROM events WHERE occurred_at < @cutoff) d
        """;

    public const string OldSnapshot = """
        SELECT on_hand AS OnHand, damaged AS Damaged, quarantined AS Quarantined, anchor_at AS AnchorAt, anchor_qty AS AnchorQty,
               anchor_source AS AnchorSource, anchor_event_id AS AnchorEventId, last_event_at AS LastEventAt, events AS Events
        FROM position_snapshots WHERE sku = @sku AND node = @node
        """;

    public const string CompactedBuckets = """
        SELECT CAST(COALESCE(SUM(d_damaged), 0) AS BIGINT) AS Damaged, CAST(COALESCE(SUM(d_quarantined), 0) AS BIGINT) AS Quarantined,
               MAX(occurred_at) AS LastEventAt, COUNT(*) AS Events
        FROM events WHERE sku = @sku AND node = @node AND authoritative = TRUE AND occurred_at < @cutoff
        """;

    public const string UpsertSnapshot = """
        INSERT INTO position_snapshots (sku, node, compacted_before, on_hand, damaged, quarantined, anchor_at, anchor_qty,
            anchor_source, anchor_event_id, last_event_at, events, updated_at)
        VALUES (@Sku, @Node, @CompactedBefore, @OnHand, @Damaged, @Quarantined, @AnchorAt, @AnchorQty, @AnchorSource,
            @AnchorEventId, @LastEventAt, @Events, @Now)
        ON CONFLICT (sku, node) DO UPDATE SET compacted_before = excluded.compacted_before, on_hand = excluded.on_hand,
            damaged = excluded.damaged, quarantined = excluded.quarantined, anchor_at = excluded.anchor_at,
            anchor_qty = excluded.anchor_qty, anchor_source = excluded.anchor_source, anchor_event_id = excluded.anchor_event_id,
            last_event_at = excluded.last_event_at, events = excluded.events, updated_at = excluded.updated_at
        """;

    // Supply booked by the compacted events, at its destination (a transfer's events live at its origin).
    public const string AddSupply = """
        INSERT INTO supply_snapshots (sku, node, reference, expected, received, cancelled, eta)
        SELECT sku, supply_node, COALESCE(reference, ''), CAST(SUM(s_expected) AS BIGINT), CAST(SUM(s_received) AS BIGINT),
               MAX(CASE WHEN s_cancelled THEN 1 ELSE 0 END) = 1, MAX(eta)
        FROM events
        WHERE sku = @sku AND node = @node AND authoritative = TRUE AND supply_node IS NOT NULL AND occurred_at < @cutoff
        GROUP BY sku, supply_node, COALESCE(reference, '')
        ON CONFLICT (sku, node, reference) DO UPDATE SET
            expected = supply_snapshots.expected + excluded.expected,
            received = supply_snapshots.received + excluded.received,
            cancelled = (supply_snapshots.cancelled OR excluded.cancelled),
            eta = CASE WHEN supply_snapshots.eta IS NULL THEN excluded.eta
                       WHEN excluded.eta IS NULL OR supply_snapshots.eta >= excluded.eta THEN supply_snapshots.eta
                       ELSE excluded.eta END
        """;

    // Every stored event counts here, authoritative or not: these are the audit figures of what was reported.
    public const string AddAudit = """
        INSERT INTO audit_totals (sku, node, type, source, events, eaches, d_on_hand, d_damaged, d_quarantined, first_at, last_at)
        SELECT sku, node, type, source, COUNT(*), CAST(SUM(eaches) AS BIGINT), CAST(SUM(d_on_hand) AS BIGINT),
               CAST(SUM(d_damaged) AS BIGINT), CAST(SUM(d_quarantined) AS BIGINT), MIN(occurred_at), MAX(occurred_at)
        FROM events
        WHERE sku = @sku AND node = @node AND occurred_at < @cutoff
        GROUP BY sku, node, type, source
        ON CONFLICT (sku, node, type, source) DO UPDATE SET
            events = audit_totals.events + excluded.events,
            eaches = audit_totals.eaches + excluded.eaches,
            d_on_hand = audit_totals.d_on_hand + excluded.d_on_hand,
            d_damaged = audit_totals.d_damaged + excluded.d_damaged,
            d_quarantined = audit_totals.d_quarantined + excluded.d_quarantined,
            first_at = CASE WHEN excluded.first_at < audit_totals.first_at THEN excluded.first_at ELSE audit_totals.first_at END,
            last_at = CASE WHEN excluded.last_at > audit_totals.last_at THEN excluded.last_at ELSE audit_totals.last_at END
        """;

    public const string DeleteCompacted = "DELETE FROM events WHERE sku = @sku AND node = @node AND occurred_at < @cutoff";
}
