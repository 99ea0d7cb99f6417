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
                               result, reservations, decide_micros, total_micros, experiment_id)
        VALUES (@Id, @Kind, @OrderId, @Segment, @RuleSetId, @RuleSetVersion, @Arm, @CreatedAt, @Request, @Snapshot, @Result,
                @Reservations, @DecideMicros, @TotalMicros, @ExperimentId)
        """;

    const string SetTotal = "UPDATE decisions SET total_micros = @total WHERE id = @id";

    /// <summary>The atomic conditional step of every reservation (backorder release takes units with it too).</summary>
    public const string Take = """
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
            if (!await TakeAllAsync(conn, tx, plans, now, ct))
            {
                log.LogInformation("Order {OrderId}: a position no longer has the units above its floor; deciding again", decision.OrderId);
                await tx.RollbackAsync(ct);
                return Outcome.Conflict;
            }
            var expires = Instants.ToMicros(expiresAt);
            await InsertReservationsAsync(conn, tx, decision, plans, now, expires, ct);
            await InsertLinesAsync(conn, tx, lines, ct);
            await conn.ExecuteAsync(new CommandDefinition(SetTotal, new { id = decision.Id, total = elapsed() }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return Outcome.Reserved;
        }, ct);

    // PostgreSQL: every position of the order in one conditional statement. Plans on the same position
    // (two lines of one sku) are summed first, so the check covers them together.
    const string TakeEach = """
        UPDATE positions p SET committed = p.committed + t.quantity, version = p.version + 1, updated_at = @now
        FROM unnest(@skus, @nodes, @quantities, @floors) AS t(sku, node, quantity, floor)
        WHERE p.sku = t.sku AND p.node = t.node AND p.position_quarantined = FALSE AND p.on_hand - p.committed - t.floor >= t.quantity
        """;

    const string InsertReservationsAtOnce = """
        INSERT INTO reservations (id, decision_id, order_id, line_id, sku, node, quantity, status, created_at, expires_at, updated_at, shipped)
        SELECT t.id, @decisionId, @orderId, t.line_id, t.sku, t.node, t.quantity, 'soft', @now, @expiresAt, @now, 0
        FROM unnest(@ids, @lineIds, @skus, @nodes, @quantities) AS t(id, line_id, sku, node, quantity)
        """;

    const string InsertLinesAtOnce = """
        INSERT INTO decision_lines (decision_id, order_id, line_id, sku, node, created_at)
        SELECT t.decision_id, t.order_id, t.line_id, t.sku, t.node, t.created_at
        FROM unnest(@decisionIds, @orderIds, @lineIds, @skus, @nodes, @createdAts) AS t(decision_id, order_id, line_id, sku, node, created_at)
        """;

    /// <summary>Takes every plan's units; false when any position no longer has them (nothing is kept then).</summary>
    static async Task<bool> TakeAllAsync(DbConnection conn, DbTransaction tx, IReadOnlyList<ReservationPlan> plans, long now, CancellationToken ct)
    {
        // Ordinal (sku, node) order, the order every writer locks positions in.
        var byPosition = plans.GroupBy(p => (p.Sku, p.Node))
            .Select(g => (g.Key.Sku, g.Key.Node, Quantity: g.Sum(p => p.Quantity), Floor: g.Max(p => p.Floor)))
            .OrderBy(p => p.Sku, StringComparer.Ordinal).ThenBy(p => p.Node, StringComparer.Ordinal).ToList();
        if (conn is Npgsql.NpgsqlConnection)
        {
            var taken = await conn.ExecuteAsync(new CommandDefinition(TakeEach, new
            {
                skus = byPosition.Select(p => p.Sku).ToArray(), nodes = byPosition.Select(p => p.Node).ToArray(),
                quantities = byPosition.Select(p => p.Quantity).ToArray(), floors = byPosition.Select(p => p.Floor).ToArray(), now,
            }, tx, cancellationToken: ct));
            return taken == byPosition.Count;
        }
        foreach (var p in byPosition)
        {
            var taken = await conn.ExecuteAsync(new CommandDefinition(Take,
                new { sku = p.Sku, node = p.Node, quantity = p.Quantity, floor = p.Floor, now }, tx, cancellationToken: ct));
            if (taken == 0) return false;
        }
        return true;
    }

    static Task InsertReservationsAsync(DbConnection conn, DbTransaction tx, StoredDecision decision, IReadOnlyList<ReservationPlan> plans,
        long now, long? expires, CancellationToken ct) =>
        conn is Npgsql.NpgsqlConnection
            ? conn.ExecuteAsync(new CommandDefinition(InsertReservationsAtOnce, new
            {
                decisionId = decision.Id, orderId = decision.OrderId, now, expiresAt = expires,
                ids = plans.Select(p => p.Id).ToArray(), lineIds = plans.Select(p => p.LineId).ToArray(), skus = plans.Select(p => p.Sku).ToArray(),
                nodes = plans.Select(p => p.Node).ToArray(), quantities = plans.Select(p => p.Quantity).ToArray(),
            }, tx, cancellationToken: ct))
            : conn.ExecuteAsync(new CommandDefinition(InsertReservation, plans.Select(p => new
            {
                p.Id, DecisionId = decision.Id, decision.OrderId, p.LineId, p.Sku, p.Node, p.Quantity, Now = now, ExpiresAt = expires,
            }), tx, cancellationToken: ct));

    static Task InsertLinesAsync(DbConnection conn, DbTransaction tx, IReadOnlyList<DecisionLineRow> lines, CancellationToken ct) =>
        conn is Npgsql.NpgsqlConnection
            ? conn.ExecuteAsync(new CommandDefinition(InsertLinesAtOnce, new
            {
                decisionIds = lines.Select(l => l.DecisionId).ToArray(), orderIds = lines.Select(l => l.OrderId).ToArray(),
                lineIds = lines.Select(l => l.LineId).ToArray(), skus = lines.Select(l => l.Sku).ToArray(),
                nodes = lines.Select(l => l.Node).ToArray(), createdAts = lines.Select(l => l.CreatedAt).ToArray(),
            }, tx, cancellationToken: ct))
            : conn.ExecuteAsync(new CommandDefinition(InsertLine, lines, tx, cancellationToken: ct));

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
        d.Request, d.Snapshot, d.Result, d.Reservations, d.DecideMicros, d.TotalMicros, d.ExperimentId,
    };
}
