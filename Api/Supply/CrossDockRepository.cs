using System.Text;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Positions;

namespace InventoryRules.Api.Supply;

/// <summary><c>cross_dock_matches</c>: what earlier runs matched (so a rerun adds only what is new), writes and the API's search.</summary>
public sealed class CrossDockRepository(Database db)
{
    const string OpenSupply = """
        SELECT s.sku AS Sku, s.node AS Node, s.reference AS Reference, s.expected - s.received AS Open, s.eta AS Eta,
               CAST(COALESCE((SELECT SUM(m.quantity) FROM cross_dock_matches m
                              WHERE m.reference = s.reference AND m.sku = s.sku AND m.node = s.node), 0) AS BIGINT) AS Matched
        FROM supply_lines s
        WHERE s.cancelled = FALSE AND s.expected > s.received AND {0}
        ORDER BY s.sku, s.node, s.reference
        """;

    // Demand already covered by supply that has not arrived yet; once it arrives the backorder is released instead.
    const string MatchedDemand = """
        SELECT m.order_id AS OrderId, m.line_id AS LineId, CAST(SUM(m.quantity) AS BIGINT) AS Quantity
        FROM cross_dock_matches m JOIN supply_lines s ON s.reference = m.reference AND s.sku = m.sku AND s.node = m.node
        WHERE s.cancelled = FALSE AND s.expected > s.received
        GROUP BY m.order_id, m.line_id
        """;

    public const string Upsert = """
        INSERT INTO cross_dock_matches (id, reference, sku, node, order_id, line_id, segment, quantity, eta, need_by, dwell_hours, rule_id, run_id,
                                        matched_at, updated_at)
        VALUES (@Id, @Reference, @Sku, @Node, @OrderId, @LineId, @Segment, @Quantity, @Eta, @NeedBy, @DwellHours, @RuleId, @RunId, @Now, @Now)
        ON CONFLICT (reference, sku, node, order_id, line_id) DO UPDATE SET quantity = cross_dock_matches.quantity + excluded.quantity,
            need_by = excluded.need_by, dwell_hours = excluded.dwell_hours, rule_id = excluded.rule_id, run_id = excluded.run_id,
            updated_at = excluded.updated_at
        """;

    const string Columns = """
        SELECT id AS Id, reference AS Reference, sku AS Sku, node AS Node, order_id AS OrderId, line_id AS LineId, segment AS Segment,
               quantity AS Quantity, eta AS Eta, need_by AS NeedBy, dwell_hours AS DwellHours, rule_id AS RuleId, run_id AS RunId,
               matched_at AS MatchedAt, updated_at AS UpdatedAt
        FROM cross_dock_matches
        """;

    public sealed class SupplyRow
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public string Reference { get; init; } = "";
        public long Open { get; init; }
        public long? Eta { get; init; }
        public long Matched { get; init; }
    }

    /// <summary>Open inbound supply at these nodes, with what earlier runs matched of each line.</summary>
    public async Task<IReadOnlyList<SupplyRow>> OpenSupplyAsync(IReadOnlyCollection<string> nodes, CancellationToken ct)
    {
        if (nodes.Count == 0) return [];
        await using var conn = await db.OpenAsync(ct);
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, OpenSupply, SqlLists.AnyOf(db.IsPostgres, "s.node", "nodes"));
        return [.. await conn.QueryAsync<SupplyRow>(new CommandDefinition(sql, new { nodes = nodes.ToArray() }, cancellationToken: ct))];
    }

    public async Task<IReadOnlyDictionary<(string OrderId, string LineId), long>> MatchedDemandAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<(string OrderId, string LineId, long Quantity)>(new CommandDefinition(MatchedDemand, cancellationToken: ct));
        return rows.ToDictionary(r => (r.OrderId, r.LineId), r => r.Quantity);
    }

    public sealed record Filter(string? Node, string? Reference, string? OrderId);

    /// <summary>Newest first.</summary>
    public async Task<ResultPage<CrossDockMatchDto>> SearchAsync(Filter filter, int page, int pageSize, CancellationToken ct)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        if (filter.Node is not null) where.Append(" AND node = @Node");
        if (filter.Reference is not null) where.Append(" AND reference = @Reference");
        if (filter.OrderId is not null) where.Append(" AND order_id = @OrderId");
        var args = new DynamicParameters(filter);
        args.Add("limit", pageSize);
        args.Add("offset", (long)(page - 1) * pageSize);
        await using var conn = await db.OpenAsync(ct);
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM cross_dock_matches" + where, args, cancellationToken: ct));
        var rows = await conn.QueryAsync<CrossDockMatchRow>(new CommandDefinition(
            Columns + where + " ORDER BY matched_at DESC, id DESC LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        return new ResultPage<CrossDockMatchDto>([.. rows.Select(r => r.ToDto())], page, pageSize, total);
    }
}
