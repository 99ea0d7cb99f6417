using Dapper;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.Retention;

/// <summary>Audit totals of a position: what retention compacted (audit_totals) plus the live events.</summary>
public sealed class AuditTotalQueries(Database db)
{
    const string Live = """
        SELECT type AS Type, source AS Source, COUNT(*) AS Events, CAST(SUM(eaches) AS BIGINT) AS Eaches,
               CAST(SUM(d_on_hand) AS BIGINT) AS OnHand, CAST(SUM(d_damaged) AS BIGINT) AS Damaged,
               CAST(SUM(d_quarantined) AS BIGINT) AS Quarantined, MIN(occurred_at) AS FirstAt, MAX(occurred_at) AS LastAt
        FROM events WHERE sku = @sku AND node = @node
        GROUP BY type, source
        """;

    const string Compacted = """
        SELECT type AS Type, source AS Source, events AS Events, eaches AS Eaches, d_on_hand AS OnHand, d_damaged AS Damaged,
               d_quarantined AS Quarantined, first_at AS FirstAt, last_at AS LastAt
        FROM audit_totals WHERE sku = @sku AND node = @node
        """;

    /// <summary>Null when nothing was ever stored for the position.</summary>
    public async Task<AuditTotalsDto?> ForPositionAsync(string sku, string node, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var live = await conn.QueryAsync<Row>(new CommandDefinition(Live, new { sku, node }, cancellationToken: ct));
        var compacted = await conn.QueryAsync<Row>(new CommandDefinition(Compacted, new { sku, node }, cancellationToken: ct));
        var cutoff = await RetentionCutoff.ReadAsync(conn, ct);
        var lines = live.Select(r => (Row: r, Compacted: false)).Concat(compacted.Select(r => (Row: r, Compacted: true)))
            .GroupBy(x => (x.Row.Type, x.Row.Source))
            .OrderBy(g => g.Key.Type, StringComparer.Ordinal).ThenBy(g => g.Key.Source, StringComparer.Ordinal)
            .Select(g => new AuditLineDto(g.Key.Type, g.Key.Source, g.Sum(x => x.Row.Events), g.Sum(x => x.Row.Eaches),
                g.Sum(x => x.Row.OnHand), g.Sum(x => x.Row.Damaged), g.Sum(x => x.Row.Quarantined),
                g.Where(x => x.Compacted).Sum(x => x.Row.Events),
                Instants.FromMicros(g.Min(x => x.Row.FirstAt)), Instants.FromMicros(g.Max(x => x.Row.LastAt))))
            .ToList();
        if (lines.Count == 0) return null;
        return new AuditTotalsDto(sku, node, Instants.FromMicros(cutoff), lines.Sum(l => l.Events), lines.Sum(l => l.Eaches),
            lines.Sum(l => l.CompactedEvents), lines);
    }

    sealed class Row
    {
        public string Type { get; init; } = "";
        public string Source { get; init; } = "";
        public long Events { get; init; }
        public long Eaches { get; init; }
        public long OnHand { get; init; }
        public long Damaged { get; init; }
        public long Quarantined { get; init; }
        public long FirstAt { get; init; }
        public long LastAt { get; init; }
    }
}
