using System.Data.Common;
using System.Text;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Positions;

namespace InventoryRules.Api.Supply;

/// <summary>Reads of <c>backorders</c>: the API's search and the open rows the supply jobs work on.</summary>
public sealed class BackorderRepository(Database db)
{
    const string Columns = """
        SELECT id AS Id, decision_id AS DecisionId, order_id AS OrderId, line_id AS LineId, claim_index AS ClaimIndex, segment AS Segment,
               customer_id AS CustomerId, sku AS Sku, node AS Node, reference AS Reference, quantity AS Quantity, released AS Released,
               promise_date AS PromiseDate, requested_date AS RequestedDate, status AS Status, created_at AS CreatedAt,
               released_at AS ReleasedAt, reservation_id AS ReservationId
        FROM backorders
        """;

    public sealed record Filter(string? Sku, string? Node, string? Status, string? OrderId);

    /// <summary>Oldest first, the order they wait in.</summary>
    public async Task<ResultPage<BackorderDto>> SearchAsync(Filter filter, int page, int pageSize, CancellationToken ct)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        if (filter.Sku is not null) where.Append(" AND sku = @Sku");
        if (filter.Node is not null) where.Append(" AND node = @Node");
        if (filter.Status is not null) where.Append(" AND status = @Status");
        if (filter.OrderId is not null) where.Append(" AND order_id = @OrderId");
        var args = new DynamicParameters(filter);
        args.Add("limit", pageSize);
        args.Add("offset", (long)(page - 1) * pageSize);
        await using var conn = await db.OpenAsync(ct);
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM backorders" + where, args, cancellationToken: ct));
        var rows = await conn.QueryAsync<BackorderRow>(new CommandDefinition(
            Columns + where + " ORDER BY created_at, order_id, line_id, claim_index LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        return new ResultPage<BackorderDto>([.. rows.Select(r => r.ToDto())], page, pageSize, total);
    }

    /// <summary>Every open backorder with units still waiting, oldest first.</summary>
    // An order whose every reservation lapsed (expired or released, none confirmed, shipped or soft and
    // still running) was abandoned by the OMS: its backorders must not take stock when supply arrives. An
    // order that got no reservation at all (wholly backordered) stays open until the OMS cancels it.
    const string CancelLapsed = """
        UPDATE backorders SET status = 'cancelled'
        WHERE status = 'open' AND order_id IN (
            SELECT order_id FROM reservations GROUP BY order_id
            HAVING SUM(CASE WHEN status IN ('confirmed', 'shipped') OR (status = 'soft' AND expires_at > @now) THEN 1 ELSE 0 END) = 0)
        """;

    /// <summary>Cancels the open backorders of orders whose reservations all lapsed; returns how many rows.</summary>
    public async Task<int> CancelLapsedAsync(DbTransaction tx, DateTimeOffset now, CancellationToken ct) =>
        await tx.Connection!.ExecuteAsync(new CommandDefinition(CancelLapsed, new { now = Instants.ToMicros(now) }, tx, cancellationToken: ct));

    /// <summary>The OMS cancelled the order (or its backordered lines): its open backorders stop waiting.</summary>
    public async Task<int> CancelOrderAsync(string orderId, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE backorders SET status = 'cancelled' WHERE status = 'open' AND order_id = @orderId", new { orderId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<BackorderRow>> OpenAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<BackorderRow>(new CommandDefinition(
            Columns + " WHERE status = 'open' AND quantity > released ORDER BY created_at, order_id, line_id, claim_index", cancellationToken: ct));
        return [.. rows];
    }
}
