using System.Data.Common;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Jobs;
using InventoryRules.Rules.Background.Backorders;

namespace InventoryRules.Api.Supply;

/// <summary>
/// Releases open backorders to stock that arrived: BackorderReleasing (NRules) ranks the waiting lines by
/// allocation priority within each segment's ATP, then each release takes its units with the same atomic
/// conditional step as a decision's reservation (never oversell: a refused take leaves the line waiting),
/// creates a reservation (confirmed once the OMS confirmed the order, else soft with the usual TTL) and marks the backorder rows, a batch per transaction with the run's
/// checkpoint. A rerun finds released rows no longer open, so nothing is released twice.
/// </summary>
public sealed class BackorderReleaser(Database db, SupplyJobLock locks,
    BackorderRecorder recorder, BackorderRepository backorders, OrderReviews reviews,
    SnapshotLoader snapshots, Microsoft.Extensions.Options.IOptions<DecisionsOptions> decisions, TimeProvider clock, ILogger<BackorderReleaser> log)
{
    const int BatchSize = 50;

    // Conditional on the released count read, so two runs racing on one row release it once.
    const string ClaimRow = """
        UPDATE backorders SET released = released + @units, status = CASE WHEN released + @units >= quantity THEN 'released' ELSE status END,
                              released_at = @now, reservation_id = @reservationId
        WHERE id = @id AND status = 'open' AND released = @seen
        """;

    // Confirmed when the OMS has confirmed the order (or it got nothing but backorders, so there was nothing
    // to confirm); soft with the usual TTL while the order's own reservations are still soft, so that an order
    // the OMS lets lapse does not keep the released units for ever.
    const string InsertReservation = """
        INSERT INTO reservations (id, decision_id, order_id, line_id, sku, node, quantity, status, created_at, expires_at, updated_at, shipped)
        VALUES (@id, @decisionId, @orderId, @lineId, @sku, @node, @quantity, @status, @now, @expiresAt, @now, 0)
        """;

    const string OrderConfirmed = """
        SELECT COUNT(*) FROM reservations WHERE order_id = @orderId AND status IN ('confirmed', 'shipped')
        """;

    const string OrderReserved = "SELECT COUNT(*) FROM reservations WHERE order_id = @orderId";

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        await using var held = await locks.AcquireAsync(SupplyJobLock.BackorderRelease, ct);
        await RunLockedAsync(run, ct);
    }

    async Task RunLockedAsync(JobRun run, CancellationToken ct)
    {
        run.Count("recorded", await recorder.RecordAsync(ct));
        var cancelled = await StoreRetry.WriteAsync(db, log, "cancel lapsed backorders", async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var rows = await backorders.CancelLapsedAsync(tx, clock.GetUtcNow(), ct);
            await tx.CommitAsync(ct);
            return rows;
        }, ct);
        run.Count("cancelled_lapsed", cancelled);
        if (cancelled > 0) run.Note($"{cancelled} backordered lines cancelled: every reservation of their orders lapsed (expired or released), so the OMS no longer holds those orders");
        var open = await backorders.OpenAsync(ct);
        var now = clock.GetUtcNow();
        var judged = await reviews.ReviewAsync([.. open.Where(b => b.Node is not null).Select(b => b.OrderId)], now, null, null, ct);
        var facts = ReleaseFacts.Build(open, judged);
        var report = BackorderReleasing.Run(facts.Lines, facts.Stock.Values, facts.Floors.Values);
        run.Count("waiting_lines", report.Waiting.Count + facts.Blocked.Count);
        var done = 0;
        foreach (var batch in report.Released.Chunk(BatchSize))
        {
            await StoreRetry.WriteAsync(db, log, "release backorders", async () =>
            {
                await using var conn = await db.OpenAsync(ct);
                await using var tx = await conn.BeginTransactionAsync(ct);
                var micros = Instants.ToMicros(clock.GetUtcNow());
                var positions = batch.Select(r => (r.Line.Sku, r.Line.Node)).ToList();
                await PositionLocks.LockAsync(tx, positions, ct);
                await ReservationExpiry.ExpireDueAsync(tx, positions, micros, ct);
                foreach (var release in batch)
                {
                    var taken = await ReleaseAsync(conn, tx, facts, release, micros, TimeSpan.FromSeconds(decisions.Value.ReservationTtlSeconds), ct);
                    run.Count(taken ? "released_lines" : "take_refused");
                    if (taken) run.Count("released_units", release.Units);
                    run.Note(taken ? release.Text
                        : $"{release.Line.OrderId} line {release.Line.LineId} ({release.Line.Segment}) {release.Line.Sku} at {release.Line.Node}: "
                          + $"{release.Units} not released — the store no longer had them above the floor (stock moved since the read); still waiting");
                }
                done += batch.Length;
                await run.SaveAsync(tx, $"released {done}", done, report.Released.Count, ct);
                await tx.CommitAsync(ct);
                return done;
            }, ct);
        }
        foreach (var line in report.Waiting.Select(w => w.Text).Concat(facts.Blocked)) run.Note(line);
        if (report.Released.Count == 0 && report.Waiting.Count + facts.Blocked.Count == 0) run.Note("no open backorder waits at a node");
        snapshots.Forget(report.Released.Select(r => r.Line.Sku).Distinct(StringComparer.Ordinal));
        await run.ProgressAsync(done, report.Released.Count, ct);
    }

    /// <summary>One release in a savepoint: the backorder rows, the take and the reservation, all or nothing.</summary>
    static async Task<bool> ReleaseAsync(DbConnection conn, DbTransaction tx, ReleaseFacts facts, BackorderRelease release, long now,
        TimeSpan ttl, CancellationToken ct)
    {
        var line = release.Line;
        var key = (line.OrderId, line.LineId, line.Node);
        var reservationId = ReservationPlan.NewId();
        await tx.SaveAsync("release", ct);
        var left = release.Units;
        var ok = true;
        foreach (var row in facts.Rows[key])
        {
            if (left == 0) break;
            var units = Math.Min(left, row.Waiting);
            if (units == 0) continue;
            ok &= await conn.ExecuteAsync(new CommandDefinition(ClaimRow,
                new { id = row.Id, units, seen = row.Released, now, reservationId }, tx, cancellationToken: ct)) == 1;
            left -= units;
        }
        ok = ok && left == 0 && await conn.ExecuteAsync(new CommandDefinition(ReservationWriter.Take,
            new { sku = line.Sku, node = line.Node, quantity = release.Units, floor = facts.OwnFloor[key], now }, tx, cancellationToken: ct)) == 1;
        if (!ok)
        {
            await tx.RollbackAsync("release", ct);
            return false;
        }
        var decisionId = facts.Rows[key][0].DecisionId;
        var order = new { orderId = line.OrderId };
        var confirmed = await conn.ExecuteScalarAsync<long>(new CommandDefinition(OrderConfirmed, order, tx, cancellationToken: ct)) > 0
            || await conn.ExecuteScalarAsync<long>(new CommandDefinition(OrderReserved, order, tx, cancellationToken: ct)) == 0;
        await conn.ExecuteAsync(new CommandDefinition(InsertReservation, new
        {
            id = reservationId, decisionId, orderId = line.OrderId, lineId = line.LineId, sku = line.Sku, node = line.Node, quantity = release.Units, now,
            status = confirmed ? "confirmed" : "soft", expiresAt = confirmed ? (long?)null : now + (long)ttl.TotalMicroseconds,
        }, tx, cancellationToken: ct));
        await tx.ReleaseAsync("release", ct);
        return true;
    }
}
