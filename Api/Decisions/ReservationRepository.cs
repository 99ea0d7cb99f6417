using Dapper;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Reservations after the decision: read, confirm (soft → confirmed, no expiry) and release (units back).
/// Every change is conditional on the status read, so concurrent calls and replicas change a reservation once.
/// </summary>
public sealed class ReservationRepository(Database db, TimeProvider clock, ILogger<ReservationRepository> log)
{
    public enum Change
    {
        Done,
        NotFound,
        Expired,
        Released,
        Shipped,
    }

    const string Columns = """
        SELECT id AS Id, decision_id AS DecisionId, order_id AS OrderId, line_id AS LineId, sku AS Sku, node AS Node,
               quantity AS Quantity, shipped AS Shipped, status AS Status, created_at AS CreatedAt, expires_at AS ExpiresAt,
               updated_at AS UpdatedAt
        FROM reservations
        """;

    const string Confirm = """
        UPDATE reservations SET status = 'confirmed', expires_at = NULL, updated_at = @now
        WHERE id = @id AND status = 'soft' AND expires_at > @now
        """;

    // A soft reservation already past its expiry is expired, not released: its units were no longer held.
    const string Release = """
        UPDATE reservations SET status = CASE WHEN status = 'soft' AND expires_at <= @now THEN 'expired' ELSE 'released' END,
                                updated_at = @now
        WHERE id = @id AND status IN ('soft', 'confirmed')
        RETURNING quantity - shipped
        """;

    public async Task<ReservationDto?> GetAsync(string id, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Columns + " WHERE id = @id", new { id }, cancellationToken: ct));
        return row?.ToDto(clock.GetUtcNow());
    }

    public async Task<IReadOnlyList<ReservationDto>> ForOrderAsync(string orderId, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<Row>(new CommandDefinition(Columns + " WHERE order_id = @orderId ORDER BY created_at, id",
            new { orderId }, cancellationToken: ct));
        var now = clock.GetUtcNow();
        return [.. rows.Select(r => r.ToDto(now))];
    }

    public async Task<IReadOnlyList<ReservationDto>> ForDecisionAsync(string decisionId, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<Row>(new CommandDefinition(Columns + " WHERE decision_id = @decisionId ORDER BY id",
            new { decisionId }, cancellationToken: ct));
        var now = clock.GetUtcNow();
        return [.. rows.Select(r => r.ToDto(now))];
    }

    /// <summary>Soft → confirmed; confirming twice, or after it shipped, changes nothing.</summary>
    public async Task<(Change Change, ReservationDto? Reservation)> ConfirmAsync(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await StoreRetry.WriteAsync(db, log, "confirm " + id, async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            return await conn.ExecuteAsync(new CommandDefinition(Confirm, new { id, now = Instants.ToMicros(now) }, cancellationToken: ct));
        }, ct);
        var after = await GetAsync(id, ct);
        return after?.Status switch
        {
            null => (Change.NotFound, null),
            ReservationStatus.Expired => (Change.Expired, after),
            ReservationStatus.Released => (Change.Released, after),
            _ => (Change.Done, after),
        };
    }

    /// <summary>Soft or confirmed → released, committed given back in the same transaction; releasing twice changes nothing.</summary>
    public async Task<(Change Change, ReservationDto? Reservation)> ReleaseAsync(string id, CancellationToken ct)
    {
        if (await GetAsync(id, ct) is not { } before) return (Change.NotFound, null);
        if (before.Status is ReservationStatus.Soft or ReservationStatus.Confirmed)
        {
            var now = Instants.ToMicros(clock.GetUtcNow());
            await StoreRetry.WriteAsync(db, log, "release " + id, async () =>
            {
                await using var conn = await db.OpenAsync(ct);
                await using var tx = await conn.BeginTransactionAsync(ct);
                await PositionLocks.LockAsync(tx, [(before.Sku, before.Node)], ct);
                var remaining = await conn.ExecuteScalarAsync<long?>(new CommandDefinition(Release, new { id, now }, tx, cancellationToken: ct));
                if (remaining is > 0)
                {
                    await conn.ExecuteAsync(new CommandDefinition(ReservationExpiry.GiveBack,
                        new { sku = before.Sku, node = before.Node, quantity = remaining, now }, tx, cancellationToken: ct));
                }
                await tx.CommitAsync(ct);
                return remaining;
            }, ct);
        }
        var after = await GetAsync(id, ct);
        return after?.Status == ReservationStatus.Shipped ? (Change.Shipped, after) : (Change.Done, after);
    }

    sealed class Row
    {
        public string Id { get; init; } = "";
        public string DecisionId { get; init; } = "";
        public string OrderId { get; init; } = "";
        public string LineId { get; init; } = "";
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long Quantity { get; init; }
        public long Shipped { get; init; }
        public string Status { get; init; } = "";
        public long CreatedAt { get; init; }
        public long? ExpiresAt { get; init; }
        public long UpdatedAt { get; init; }

        public ReservationDto ToDto(DateTimeOffset now)
        {
            var expiresAt = Instants.FromMicros(ExpiresAt);
            var status = Status == ReservationStatus.Soft && expiresAt <= now ? ReservationStatus.Expired : Status;
            return new ReservationDto(Id, DecisionId, OrderId, LineId, Sku, Node, Quantity, Shipped, status, Instants.FromMicros(CreatedAt),
                expiresAt, Instants.FromMicros(UpdatedAt));
        }
    }
}
