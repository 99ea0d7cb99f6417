using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;

namespace InventoryRules.Api.Supply;

/// <summary>Open reservations by the segment of the decision that made them: what a publish re-evaluates.</summary>
public sealed class OpenReservationRepository(Database db)
{
    // Open: confirmed, or soft and not yet due; the units not shipped yet.
    const string OpenWhere = "r.quantity > r.shipped AND (r.status = 'confirmed' OR (r.status = 'soft' AND r.expires_at > @now))";

    const string OfSegment = $"""
        SELECT r.id AS Id, r.decision_id AS DecisionId, r.order_id AS OrderId, r.line_id AS LineId, r.sku AS Sku, r.node AS Node,
               r.quantity - r.shipped AS Units, r.created_at AS CreatedAt
        FROM reservations r JOIN decisions d ON d.id = r.decision_id
        WHERE d.segment = @segment AND {OpenWhere}
        ORDER BY r.created_at, r.id
        """;

    const string OthersAt = $"""
        SELECT r.sku AS Sku, r.node AS Node, CAST(SUM(r.quantity - r.shipped) AS BIGINT) AS Units
        FROM reservations r JOIN decisions d ON d.id = r.decision_id
        WHERE d.segment <> @segment AND {OpenWhere} AND SKU_FILTER
        GROUP BY r.sku, r.node
        """;

    public sealed class Row
    {
        public string Id { get; init; } = "";
        public string DecisionId { get; init; } = "";
        public string OrderId { get; init; } = "";
        public string LineId { get; init; } = "";
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long Units { get; init; }
        public long CreatedAt { get; init; }
    }

    public async Task<IReadOnlyList<Row>> OfSegmentAsync(string segment, long now, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return [.. await conn.QueryAsync<Row>(new CommandDefinition(OfSegment, new { segment, now }, cancellationToken: ct))];
    }

    /// <summary>Units other segments' open reservations hold at positions of these skus: their rules did not change.</summary>
    public async Task<IReadOnlyDictionary<(string Sku, string Node), long>> OthersAtAsync(string segment, IReadOnlyCollection<string> skus, long now,
        CancellationToken ct)
    {
        if (skus.Count == 0) return new Dictionary<(string, string), long>();
        await using var conn = await db.OpenAsync(ct);
        var sql = OthersAt.Replace("SKU_FILTER", SqlLists.AnyOf(db.IsPostgres, "r.sku", "skus"), StringComparison.Ordinal);
        var rows = await conn.QueryAsync<(string Sku, string Node, long Units)>(new CommandDefinition(sql,
            new { segment, now, skus = skus.ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => (r.Sku, r.Node), r => r.Units);
    }
}
