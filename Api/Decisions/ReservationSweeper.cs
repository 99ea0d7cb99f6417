using Dapper;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Marks due soft reservations expired and gives their units back to committed, a batch of positions at a
/// time (run by the reservation-expiry job). Decisions already ignore due reservations, so this keeps
/// committed tidy. Several replicas may sweep at once: positions are locked in key order and each flip is
/// conditional on the status, so units come back exactly once, also when a sweep is killed half-way.
/// </summary>
public sealed class ReservationSweeper(Database db, TimeProvider clock, ILogger<ReservationSweeper> log)
{
    const int PositionsPerBatch = 200;

    const string DuePositions = """
        SELECT DISTINCT sku AS Sku, node AS Node FROM reservations
        WHERE status = 'soft' AND expires_at <= @now
        ORDER BY sku, node
        LIMIT @limit
        """;

    /// <summary>One full sweep; returns how many reservations it expired.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var now = Instants.ToMicros(clock.GetUtcNow());
            List<(string Sku, string Node)> due;
            await using (var conn = await db.OpenAsync(ct))
            {
                due = [.. (await conn.QueryAsync<Key>(new CommandDefinition(DuePositions, new { now, limit = PositionsPerBatch }, cancellationToken: ct)))
                    .Select(k => (k.Sku, k.Node))];
            }
            if (due.Count == 0) return total;
            var expired = await StoreRetry.WriteAsync(db, log, "reservation sweep", async () =>
            {
                await using var conn = await db.OpenAsync(ct);
                await using var tx = await conn.BeginTransactionAsync(ct);
                await PositionLocks.LockAsync(tx, due, ct);
                var count = await ReservationExpiry.ExpireDueAsync(tx, due, now, ct);
                await tx.CommitAsync(ct);
                return count;
            }, ct);
            total += expired;
            // Another replica took this batch: what is left is for the next tick, not a busy loop.
            if (expired == 0 || due.Count < PositionsPerBatch) return total;
        }
    }

    sealed class Key
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
    }
}
