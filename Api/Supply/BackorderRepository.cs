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
    public async Task<IReadOnlyList<BackorderRow>> OpenAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<BackorderRow>(new CommandDefinition(
            Columns + " WHERE status = 'open' AND quantity > released ORDER BY created_at, order_id, line_id, claim_index", cancellationToken: ct));
        return [.. rows];
    }
}
