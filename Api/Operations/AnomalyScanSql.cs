namespace InventoryRules.Api.Operations;

/// <summary>What the anomaly scan reads, and its one way of writing: only where no anomaly of the kind is open for the position.</summary>
static class AnomalyScanSql
{
    public const string Negative = """
        SELECT sku AS Sku, node AS Node, on_hand AS OnHand, committed AS Committed FROM positions
        WHERE on_hand < 0 OR committed > on_hand
        ORDER BY sku, node
        """;

    // Movements that arrived lately, not judged a spike before, with the position's statistics in their direction.
    public const string Movements = """
        SELECT e.source AS Source, e.event_id AS EventId, e.type AS Type, e.sku AS Sku, e.node AS Node, e.d_on_hand AS Delta,
               m.events AS Events, m.units AS Units
        FROM events e
        JOIN movement m ON m.sku = e.sku AND m.node = e.node
                       AND m.direction = CASE WHEN e.d_on_hand >= 0 THEN 'in' ELSE 'out' END
        WHERE e.received_at >= @since AND e.authoritative = TRUE AND e.d_on_hand <> 0
          AND e.type NOT IN ('cycle_count', 'status_change')
          AND NOT EXISTS (SELECT 1 FROM anomalies a WHERE a.kind = 'movement_spike' AND a.source = e.source AND a.event_id = e.event_id)
        ORDER BY e.sku, e.node, e.occurred_at, e.source, e.event_id
        """;

    // A node's feed is as fresh as its most recent source (or heartbeat).
    public const string Stale = """
        SELECT p.sku AS Sku, p.node AS Node, p.on_hand AS OnHand, f.seen AS SeenAt
        FROM positions p
        LEFT JOIN (SELECT node, MAX(last_seen_at) AS seen FROM node_feeds GROUP BY node) f ON f.node = p.node
        WHERE p.on_hand > 0 AND (f.seen IS NULL OR f.seen < @staleBefore)
        ORDER BY p.node, p.sku
        """;

    public const string Variances = """
        SELECT v.source AS Source, v.event_id AS EventId, v.sku AS Sku, v.node AS Node, v.counted_at AS CountedAt,
               v.counted AS Counted, v.system AS System
        FROM count_variances v
        WHERE v.recorded_at >= @since
          AND NOT EXISTS (SELECT 1 FROM anomalies a WHERE a.kind = 'count_variance' AND a.source = v.source AND a.event_id = v.event_id)
        ORDER BY v.sku, v.node, v.counted_at
        """;

    public const string InsertIfNoneOpen = """
        INSERT INTO anomalies (detected_at, kind, sku, node, source, event_id, observed, expected, detail, quarantined, status)
        SELECT @DetectedAt, @Kind, @Sku, @Node, @Source, @EventId, @Observed, @Expected, @Detail, FALSE, 'open'
        WHERE NOT EXISTS (SELECT 1 FROM anomalies WHERE kind = @Kind AND sku = @Sku AND node = @Node AND status = 'open')
        """;
}
