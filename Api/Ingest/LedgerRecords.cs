using System.Data.Common;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Engine;

namespace InventoryRules.Api.Ingest;

/// <summary>What ingest writes beside events and positions: few rows per batch, portable SQL.</summary>
public static class LedgerRecords
{
    const string InsertAnomaly = """
        INSERT INTO anomalies (detected_at, kind, sku, node, source, event_id, observed, expected, detail, quarantined, status)
        VALUES (@DetectedAt, @Kind, @Sku, @Node, @Source, @EventId, @Observed, @Expected, @Detail, @Quarantined, 'open')
        """;

    const string InsertVariance = """
        INSERT INTO count_variances (source, event_id, sku, node, counted_at, counted, system, variance, recorded_at)
        VALUES (@Source, @EventId, @Sku, @Node, @CountedAt, @Counted, @System, @Variance, @RecordedAt)
        """;

    const string InsertDiscrepancy = """
        INSERT INTO discrepancies (detected_at, sku, node, type, source, event_id, authoritative_source, reported,
                                   authoritative_figure, detail)
        VALUES (@DetectedAt, @Sku, @Node, @Type, @Source, @EventId, @AuthoritativeSource, @Reported, @AuthoritativeFigure, @Detail)
        """;

    // One statement for all of a batch's feeds: a round trip per (node, source) cost more than the upsert.
    const string TouchFeedsMerge = """
         ON CONFLICT (node, source) DO UPDATE SET last_seen_at =
            CASE WHEN excluded.last_seen_at > node_feeds.last_seen_at THEN excluded.last_seen_at ELSE node_feeds.last_seen_at END
        """;

    const string InsertDeadLetter = """
        INSERT INTO dead_letters (received_at, batch_index, source, event_id, code, field, message, payload, status)
        VALUES (@ReceivedAt, @BatchIndex, @Source, @EventId, @Code, @Field, @Message, @Payload, 'open')
        """;

    // The authoritative source's figure for what a non-authoritative event reports: the same movement
    // is matched by reference where the feeds share one, else by the same instant.
    const string AuthoritativeFigure = """
        SELECT CAST(COALESCE(SUM(eaches), 0) AS BIGINT) FROM events
        WHERE sku = @Sku AND node = @Node AND type = @Type AND authoritative = TRUE
          AND ((@Reference IS NOT NULL AND reference = @Reference) OR (@Reference IS NULL AND occurred_at = @At))
        """;

    public static Task AnomaliesAsync(DbTransaction tx, IEnumerable<(DetectedAnomaly Anomaly, bool Quarantined)> anomalies, long now, CancellationToken ct) =>
        Many(tx, InsertAnomaly, anomalies.Select(a => new
        {
            DetectedAt = now, a.Anomaly.Kind, Sku = a.Anomaly.Sku.Value, Node = a.Anomaly.Node.Value,
            a.Anomaly.Event?.Source, a.Anomaly.Event?.EventId, a.Anomaly.Observed, a.Anomaly.Expected, a.Anomaly.Detail,
            a.Quarantined,
        }), ct);

    public static Task VariancesAsync(DbTransaction tx, IEnumerable<CountVariance> variances, long now, CancellationToken ct) =>
        Many(tx, InsertVariance, variances.Select(v => new
        {
            v.Count.Source, v.Count.EventId, Sku = v.Sku.Value, Node = v.Node.Value, CountedAt = Instants.ToMicros(v.CountedAt),
            v.Counted, v.System, v.Variance, RecordedAt = now,
        }), ct);

    public static Task DiscrepanciesAsync(DbTransaction tx, IEnumerable<Discrepancy> discrepancies, long now, CancellationToken ct) =>
        Many(tx, InsertDiscrepancy, discrepancies.Select(d => new
        {
            DetectedAt = now, d.Sku, d.Node, d.Type, d.Source, d.EventId, d.AuthoritativeSource, d.Reported,
            d.AuthoritativeFigure, d.Detail,
        }), ct);

    public static async Task FeedsAsync(DbTransaction tx, IEnumerable<(string Node, string Source)> feeds, long at, CancellationToken ct)
    {
        var rows = feeds.ToList();
        if (rows.Count == 0) return;
        var sql = new System.Text.StringBuilder("INSERT INTO node_feeds (node, source, last_seen_at) VALUES ");
        var args = new DynamicParameters();
        args.Add("at", at);
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append($"(@n{i}, @s{i}, @at)");
            args.Add($"n{i}", rows[i].Node);
            args.Add($"s{i}", rows[i].Source);
        }
        await tx.Connection!.ExecuteAsync(new CommandDefinition(sql.Append(TouchFeedsMerge).ToString(), args, tx, cancellationToken: ct));
    }

    public static Task DeadLettersAsync(DbTransaction tx, IEnumerable<DeadLetterDraft> letters, long now, CancellationToken ct) =>
        Many(tx, InsertDeadLetter, letters.Select(l => new
        {
            ReceivedAt = now, l.BatchIndex, l.Source, l.EventId, l.Code, l.Field, l.Message, l.Payload,
        }), ct);

    public static Task<long> AuthoritativeFigureAsync(DbTransaction tx, LedgerEvent e, CancellationToken ct) =>
        tx.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(AuthoritativeFigure, new
        {
            Sku = e.Sku.Value, Node = e.Node.Value, Type = e.Type.Name(), e.Input.Reference, At = Instants.ToMicros(e.OccurredAt),
        }, tx, cancellationToken: ct));

    static async Task Many(DbTransaction tx, string sql, IEnumerable<object> rows, CancellationToken ct)
    {
        var list = rows.ToList();
        if (list.Count > 0) await tx.Connection!.ExecuteAsync(new CommandDefinition(sql, list, tx, cancellationToken: ct));
    }
}
