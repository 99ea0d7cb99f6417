using System.Text;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Positions;

namespace InventoryRules.Api.Supply;

/// <summary><c>reservation_flags</c>: written by the re-evaluation after a publish, read by the API.</summary>
public sealed class ReservationFlagRepository(Database db)
{
    public const string Open = "open";
    public const string Resolved = "resolved";

    public const string Insert = """
        INSERT INTO reservation_flags (id, reservation_id, order_id, line_id, segment, sku, node, quantity, reason, detail, rule_set_id,
                                       rule_set_version, flagged_at, status)
        VALUES (@Id, @ReservationId, @OrderId, @LineId, @Segment, @Sku, @Node, @Quantity, @Reason, @Detail, @RuleSetId, @RuleSetVersion, @Now, 'open')
        ON CONFLICT (reservation_id, rule_set_id) DO NOTHING
        """;

    // A flag stays open while its reservation holds units; released, expired or shipped, there is nothing left to re-source.
    public const string ResolveClosed = """
        UPDATE reservation_flags SET status = 'resolved', resolved_at = @now
        WHERE status = 'open' AND reservation_id IN (
            SELECT id FROM reservations
            WHERE status NOT IN ('soft', 'confirmed') OR (status = 'soft' AND expires_at <= @now) OR quantity <= shipped)
        """;

    const string Columns = """
        SELECT id AS Id, reservation_id AS ReservationId, order_id AS OrderId, line_id AS LineId, segment AS Segment, sku AS Sku, node AS Node,
               quantity AS Quantity, reason AS Reason, detail AS Detail, rule_set_id AS RuleSetId, rule_set_version AS RuleSetVersion,
               flagged_at AS FlaggedAt, status AS Status, resolved_at AS ResolvedAt
        FROM reservation_flags
        """;

    public sealed record Filter(string? Status, string? OrderId, string? ReservationId = null);

    /// <summary>Newest first.</summary>
    public async Task<ResultPage<ReservationFlagDto>> SearchAsync(Filter filter, int page, int pageSize, CancellationToken ct)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        if (filter.Status is not null) where.Append(" AND status = @Status");
        if (filter.OrderId is not null) where.Append(" AND order_id = @OrderId");
        if (filter.ReservationId is not null) where.Append(" AND reservation_id = @ReservationId");
        var args = new DynamicParameters(filter);
        args.Add("limit", pageSize);
        args.Add("offset", (long)(page - 1) * pageSize);
        await using var conn = await db.OpenAsync(ct);
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM reservation_flags" + where, args, cancellationToken: ct));
        var rows = await conn.QueryAsync<Row>(new CommandDefinition(
            Columns + where + " ORDER BY flagged_at DESC, id DESC LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        return new ResultPage<ReservationFlagDto>([.. rows.Select(r => r.ToDto())], page, pageSize, total);
    }

    sealed class Row
    {
        public string Id { get; init; } = "";
        public string ReservationId { get; init; } = "";
        public string OrderId { get; init; } = "";
        public string LineId { get; init; } = "";
        public string Segment { get; init; } = "";
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long Quantity { get; init; }
        public string Reason { get; init; } = "";
        public string Detail { get; init; } = "";
        public string RuleSetId { get; init; } = "";
        public long RuleSetVersion { get; init; }
        public long FlaggedAt { get; init; }
        public string Status { get; init; } = "";
        public long? ResolvedAt { get; init; }

        public ReservationFlagDto ToDto() => new(Id, ReservationId, OrderId, LineId, Segment, Sku, Node, Quantity, Reason, Detail, RuleSetId,
            RuleSetVersion, Instants.FromMicros(FlaggedAt), Status, Instants.FromMicros(ResolvedAt));
    }
}
