using System.Data.Common;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Ingest;
using InventoryRules.Api.Jobs;

namespace InventoryRules.Api.Retention;

/// <summary>
/// Compacts the events of a batch of positions that occurred before the cutoff: per position a snapshot as of
/// the cutoff (so as-of answers stay exact inside the window), supply booked by them, and audit totals per
/// (type, source) kept forever; then deletes them. Each batch is one transaction with the run's checkpoint,
/// and reads what it compacts inside that transaction, so a batch applies once or not at all.
/// </summary>
public sealed class RetentionCompactor(Database db, TimeProvider clock, ILogger<RetentionCompactor> log)
{
    /// <summary>Advisory lock key: "IRCMPCT" in ASCII. Two runs at once (a trigger beside the schedule) take turns per batch.</summary>
    const long BatchLockKey = 0x4952_434D_5043_54;

    /// <summary>Moves the cutoff forward and saves the run's first checkpoint with it.</summary>
    public Task<RetentionCheckpoint> StartAsync(JobRun run, long cutoff, CancellationToken ct) =>
        StoreRetry.WriteAsync(db, log, "retention cutoff", async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var inForce = await RetentionCutoff.MoveAsync(tx, db.IsPostgres, cutoff, Instants.ToMicros(clock.GetUtcNow()), ct);
            var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition(RetentionSql.CountDue, new { cutoff = inForce }, tx, cancellationToken: ct));
            var checkpoint = new RetentionCheckpoint(inForce, "", "");
            await run.SaveAsync(tx, checkpoint.Write(), 0, total, ct);
            await tx.CommitAsync(ct);
            return checkpoint;
        }, ct);

    /// <summary>Compacts the next batch after the checkpoint; null when none is left.</summary>
    public Task<(RetentionCheckpoint Next, int Positions, long Events)?> NextBatchAsync(JobRun run, RetentionCheckpoint at, int size, CancellationToken ct) =>
        StoreRetry.WriteAsync<(RetentionCheckpoint, int, long)?>(db, log, "retention batch", async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            if (db.IsPostgres) await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = BatchLockKey }, tx, cancellationToken: ct));
            var due = (await conn.QueryAsync<Key>(new CommandDefinition(RetentionSql.DuePositions,
                new { cutoff = at.Cutoff, afterSku = at.AfterSku, afterNode = at.AfterNode, limit = size }, tx, cancellationToken: ct))).ToList();
            if (due.Count == 0) return null;
            var now = Instants.ToMicros(clock.GetUtcNow());
            long events = 0;
            foreach (var p in due) events += await CompactAsync(tx, p, at.Cutoff, now, ct);
            run.Count("positions", due.Count);
            run.Count("events", events);
            var next = at with { AfterSku = due[^1].Sku, AfterNode = due[^1].Node };
            await run.SaveAsync(tx, next.Write(), run.Done + due.Count, run.Total, ct);
            await tx.CommitAsync(ct);
            return (next, due.Count, events);
        }, ct);

    static async Task<long> CompactAsync(DbTransaction tx, Key p, long cutoff, long now, CancellationToken ct)
    {
        var conn = tx.Connection!;
        var args = new { sku = p.Sku, node = p.Node, cutoff };
        // On-hand just before the cutoff by the ledger's own rule (latest count, else the older snapshot, plus deltas).
        var onHand = await LedgerQueries.OnHandAsOfAsync(conn, tx, p.Sku, p.Node, cutoff - 1, null, ct);
        var anchor = await LedgerQueries.AnchorAsOfAsync(conn, tx, p.Sku, p.Node, cutoff - 1, null, ct);
        var old = await conn.QuerySingleOrDefaultAsync<Snapshot>(new CommandDefinition(RetentionSql.OldSnapshot, args, tx, cancellationToken: ct));
        var added = await conn.QuerySingleAsync<Buckets>(new CommandDefinition(RetentionSql.CompactedBuckets, args, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(RetentionSql.UpsertSnapshot, new
        {
            p.Sku, p.Node, CompactedBefore = cutoff, OnHand = onHand,
            Damaged = (old?.Damaged ?? 0) + added.Damaged, Quarantined = (old?.Quarantined ?? 0) + added.Quarantined,
            AnchorAt = anchor?.At ?? old?.AnchorAt, AnchorQty = anchor?.Quantity ?? old?.AnchorQty,
            AnchorSource = anchor?.Source ?? old?.AnchorSource, AnchorEventId = anchor?.EventId ?? old?.AnchorEventId,
            LastEventAt = added.LastEventAt ?? old?.LastEventAt, Events = (old?.Events ?? 0) + added.Events, Now = now,
        }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(RetentionSql.AddSupply, args, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(RetentionSql.AddAudit, args, tx, cancellationToken: ct));
        return await conn.ExecuteAsync(new CommandDefinition(RetentionSql.DeleteCompacted, args, tx, cancellationToken: ct));
    }

    sealed class Key
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
    }

    sealed class Snapshot
    {
        public long OnHand { get; init; }
        public long Damaged { get; init; }
        public long Quarantined { get; init; }
        public long? AnchorAt { get; init; }
        public long? AnchorQty { get; init; }
        public string? AnchorSource { get; init; }
        public string? AnchorEventId { get; init; }
        public long? LastEventAt { get; init; }
        public long Events { get; init; }
    }

    sealed class Buckets
    {
        public long Damaged { get; init; }
        public long Quarantined { get; init; }
        public long? LastEventAt { get; init; }
        public long Events { get; init; }
    }
}
