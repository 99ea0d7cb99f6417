using System.Data.Common;
using Dapper;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Stores a decision and takes its reservations in one transaction. Each reservation is one atomic
/// conditional step in the store: committed grows only while on_hand − committed − floor still covers the
/// quantity at that instant, whatever any other request or replica did since the snapshot was read. If one
/// step finds the stock gone, nothing of the decision is kept and the caller decides again.
/// </summary>
public sealed class ReservationWriter(Database db, ILogger<ReservationWriter> log)
{
    public enum Outcome
    {
        /// <summary>Stored, every reservation taken.</summary>
        Reserved,

        /// <summary>A position no longer had the units: nothing stored; decide again on fresh positions.</summary>
        Conflict,

        /// <summary>Another request stored a decision for this order first: nothing stored; answer with that one.</summary>
        Duplicate,
    }

    const string InsertDecision = """
        INSERT INTO decisions (id, kind, order_id, segment, rule_set_id, rule_set_version, arm, created_at, request, snapshot,
                               result, reservations, decide_micros, total_micros)
        VALUES (@Id, @Kind, @OrderId, @Segment, @RuleSetId, @RuleSetVersion, @Arm, @CreatedAt, @Request, @Snapshot, @Result,
                @Reservations, @DecideMicros, @TotalMicros)
        """;

    const string SetTotal = "UPDATE decisions SET total_micros = @total WHERE id = @id";

    const string Take = """
        UPDATE positions SET committed = committed + @quantity, version = version + 1, updated_at = @now
        WHERE sku = @sku AND node = @node AND position_quarantined = FALSE AND on_hand - committed - @floor >= @quantity
        """;

    const string InsertReservation = """
        INSERT INTO reservations (id, decision_id, order_id, line_id, sku, node, quantity, status, created_at, expires_at, updated_at, shipped)
        VALUES (@Id, @DecisionId, @OrderId, @LineId, @Sku, @Node, @Quantity, 'soft', @Now, @ExpiresAt, @Now, 0)
        """;

    public const string InsertLine = """
        INSERT INTO decision_lines (decision_id, order_id, line_id, sku, node, created_at)
        VALUES (@DecisionId, @OrderId, @LineId, @Sku, @Node, @CreatedAt)
        """;

    /// <summary>
    /// Stores <paramref name="decision"/> with its reservations, soft until <paramref name="expiresAt"/>.
    /// <paramref name="lines"/> are its search rows; <paramref name="elapsed"/> reads the time spent so far.
    /// </summary>
    public Task<Outcome> WriteAsync(StoredDecision decision, IReadOnlyList<ReservationPlan> plans, IReadOnlyList<DecisionLineRow> lines,
        DateTimeOffset? expiresAt, Func<long> elapsed, CancellationToken ct) =>
        StoreRetry.WriteAsync(db, log, "source " + decision.OrderId, async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            // The decision row first: its unique order id makes a concurrent duplicate wait here and fail
            // before it touches any position.
            try
            {
                await conn.ExecuteAsync(new CommandDefinition(InsertDecision, Row(decision), tx, cancellationToken: ct));
            }
            catch (DbException ex) when (Duplicates.IsUniqueViolation(ex))
            {
                return Outcome.Duplicate;
            }
            var now = Instants.ToMicros(decision.CreatedAt);
            var positions = plans.Select(p => (p.Sku, p.Node)).ToList();
            await PositionLocks.LockAsync(tx, positions, ct);
            await ReservationExpiry.ExpireDueAsync(tx, positions, now, ct);
            // Ordinal (sku, node) order, the order every writer locks positions in.
            foreach (var plan in plans.OrderBy(p => p.Sku, StringComparer.Ordinal).ThenBy(p => p.Node, StringComparer.Ordinal))
            {
                var taken = await conn.ExecuteAsync(new CommandDefinition(Take,
                    new { sku = plan.Sku, node = plan.Node, quantity = plan.Quantity, floor = plan.Floor, now }, tx, cancellationToken: ct));
                if (taken == 0)
                {
                    log.LogInformation("Order {OrderId}: {Sku} at {Node} no longer has {Quantity} units above the floor {Floor}; deciding again",
                        decision.OrderId, plan.Sku, plan.Node, plan.Quantity, plan.Floor);
                    await tx.RollbackAsync(ct);
                    return Outcome.Conflict;
                }
            }
            var expires = Instants.ToMicros(expiresAt);
            await conn.ExecuteAsync(new CommandDefinition(InsertReservation, plans.Select(p => new
            {
                p.Id, DecisionId = decision.Id, decision.OrderId, p.LineId, p.Sku, p.Node, p.Quantity, Now = now, ExpiresAt = expires,
            }), tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition(InsertLine, lines, tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition(SetTotal, new { id = decision.Id, total = elapsed() }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return Outcome.Reserved;
        }, ct);

    /// <summary>A decision that reserves nothing (an allocation run): one insert.</summary>
    public Task LogAsync(StoredDecision decision, IReadOnlyList<DecisionLineRow> lines, CancellationToken ct) =>
        StoreRetry.WriteAsync(db, log, "log " + decision.Id, async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(InsertDecision, Row(decision), tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition(InsertLine, lines, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return true;
        }, ct);

    static object Row(StoredDecision d) => new
    {
        d.Id, d.Kind, d.OrderId, d.Segment, d.RuleSetId, d.RuleSetVersion, d.Arm, CreatedAt = Instants.ToMicros(d.CreatedAt),
        d.Request, d.Snapshot, d.Result, d.Reservations, d.DecideMicros, d.TotalMicros,
    };
}
