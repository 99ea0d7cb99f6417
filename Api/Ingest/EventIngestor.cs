using System.Data.Common;
using InventoryRules.Api.Data;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InventoryRules.Api.Ingest;

/// <summary>
/// Applies a batch of events in one transaction: a crash leaves either all of it or none, and resending
/// it afterwards applies each event exactly once (the event key is the store's primary key). Events,
/// then positions, then supply lines and statistics are locked in ordinal key order, so concurrent
/// batches on PostgreSQL queue instead of deadlocking.
/// </summary>
public sealed class EventIngestor(
    Database db, ILedgerBulk bulk, MasterDataCache masterData, IOptions<IngestOptions> options, TimeProvider clock,
    ILogger<EventIngestor> log)
{
    readonly AnomalyPolicy policy = options.Value.ToPolicy();
    readonly TimeSpan skew = TimeSpan.FromSeconds(options.Value.MaxClockSkewSeconds);

    public async Task<IngestResult> IngestAsync(IReadOnlyList<IncomingEvent> batch, bool keepDeadLetters, CancellationToken ct)
    {
        var (valid, rejected) = await NormalizeAsync(batch, ct);
        var distinct = new List<LedgerEvent>(valid.Count);
        var sent = new Dictionary<EventKey, IncomingEvent>();
        foreach (var (e, incoming) in valid)
        {
            if (sent.TryAdd(e.Key, incoming)) distinct.Add(e);
        }
        distinct.Sort((a, b) => a.Key.CompareTo(b.Key));
        var inBatchDuplicates = valid.Count - distinct.Count;

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (fresh, tooOld) = await WriteAsync(distinct, rejected, keepDeadLetters, sent, ct);
                return new IngestResult(fresh, distinct.Count - tooOld.Count - fresh + inBatchDuplicates,
                    [.. rejected.Concat(tooOld).OrderBy(r => r.BatchIndex).Select(r => new RejectedEvent(r.BatchIndex, r.EventId, r.Code, r.Field, r.Message))]);
            }
            catch (PostgresException ex) when (attempt < 5 && ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                log.LogWarning("Ingest batch retried after {SqlState} (attempt {Attempt})", ex.SqlState, attempt);
            }
        }
    }

    async Task<(List<(LedgerEvent Event, IncomingEvent Sent)> Valid, List<DeadLetterDraft> Rejected)> NormalizeAsync(IReadOnlyList<IncomingEvent> batch, CancellationToken ct)
    {
        var snapshot = await masterData.GetAsync(ct);
        var now = clock.GetUtcNow();
        var results = batch.Select(e => Normalize(e, snapshot, now)).ToArray();
        // Another replica may have added the item or node since this one loaded master data.
        if (results.Any(r => r.Rejection?.Code is ErrorCodes.UnknownSku or ErrorCodes.UnknownNode or ErrorCodes.UnknownUom))
        {
            snapshot = await masterData.RefreshAsync(snapshot, ct);
            results = [.. batch.Select(e => Normalize(e, snapshot, now))];
        }
        var valid = new List<(LedgerEvent, IncomingEvent)>(batch.Count);
        var rejected = new List<DeadLetterDraft>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].Event is { } ok)
            {
                valid.Add((ok, batch[i]));
                continue;
            }
            var why = results[i].Rejection!;
            var input = batch[i].Input;
            rejected.Add(new DeadLetterDraft(batch[i].Index, input?.Source, input?.EventId, why.Code, why.Field, why.Message, batch[i].Raw));
        }
        return (valid, rejected);
    }

    NormalizeResult Normalize(IncomingEvent e, MasterDataCache.Snapshot snapshot, DateTimeOffset now) =>
        e.Input is null
            ? new NormalizeResult(null, e.ParseError)
            : EventNormalizer.Normalize(e.Input, sku => snapshot.Items.GetValueOrDefault(sku),
                node => snapshot.Nodes.GetValueOrDefault(node), now, skew);

    async Task<(int Fresh, List<DeadLetterDraft> TooOld)> WriteAsync(List<LedgerEvent> events, List<DeadLetterDraft> rejected,
        bool keepDeadLetters, IReadOnlyDictionary<EventKey, IncomingEvent> sent, CancellationToken ct)
    {
        if (events.Count == 0 && (rejected.Count == 0 || !keepDeadLetters)) return (0, []);
        if (!db.IsPostgres) await db.WriteLock.WaitAsync(ct);
        try
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var now = Instants.ToMicros(clock.GetUtcNow());
            var fresh = 0;
            var tooOld = new List<DeadLetterDraft>();
            if (events.Count > 0 && await Retention.RetentionCutoff.ForIngestAsync(tx, db.IsPostgres, ct) is { } cutoff)
            {
                // Compacted history cannot take a late event exactly, and a resent compacted event would apply twice.
                tooOld = [.. events.Where(e => Instants.ToMicros(e.OccurredAt) < cutoff).Select(e => TooOld(e, sent[e.Key], cutoff))];
                if (tooOld.Count > 0) events = [.. events.Where(e => Instants.ToMicros(e.OccurredAt) >= cutoff)];
            }
            if (events.Count > 0)
            {
                var inserted = await bulk.InsertEventsAsync(tx, events, now, ct);
                var applied = events.Where(e => inserted.Contains(e.Key)).ToList();
                fresh = applied.Count;
                await ApplyAsync(tx, applied, now, ct);
                await LedgerRecords.FeedsAsync(tx, events.Select(e => (e.Node.Value, e.Key.Source)).Distinct()
                    .OrderBy(f => f.Item1, StringComparer.Ordinal).ThenBy(f => f.Item2, StringComparer.Ordinal), now, ct);
            }
            if (keepDeadLetters) await LedgerRecords.DeadLettersAsync(tx, [.. rejected, .. tooOld], now, ct);
            await tx.CommitAsync(ct);
            return (fresh, tooOld);
        }
        finally
        {
            if (!db.IsPostgres) db.WriteLock.Release();
        }
    }

    static DeadLetterDraft TooOld(LedgerEvent e, IncomingEvent sent, long cutoff) =>
        new(sent.Index, e.Key.Source, e.Key.EventId, ErrorCodes.OccurredBeforeRetention, "occurredAt",
            $"{e.Key} occurred at {e.OccurredAt:O}, before the retention cutoff {Instants.FromMicros(cutoff):O}: history before it is compacted",
            sent.Raw);

    async Task ApplyAsync(DbTransaction tx, List<LedgerEvent> fresh, long now, CancellationToken ct)
    {
        var batch = new BatchApplication(policy);
        // A transfer's destination gains in-transit supply before any event names it: its position exists from then on.
        var destinations = fresh.Where(e => e.Authoritative && e.Supply is not null && e.Supply.Destination != e.Node)
            .Select(e => new PositionKey(e.Sku, e.Supply!.Destination));
        var byPosition = fresh.Where(e => e.Authoritative)
            .Select(e => (Key: new PositionKey(e.Sku, e.Node), Event: (LedgerEvent?)e))
            .Concat(destinations.Select(k => (Key: k, Event: (LedgerEvent?)null)))
            .GroupBy(x => x.Key, x => x.Event)
            .OrderBy(g => g.Key)
            .ToList();
        var positions = await bulk.LockPositionsAsync(tx, [.. byPosition.Select(g => g.Key)], ct);
        var movement = await bulk.MovementAsync(tx, [.. byPosition.Select(g => g.Key)], ct);
        var groups = byPosition.Select(g => (Before: positions[g.Key], Events: g.OfType<LedgerEvent>().ToList()))
            .Select(g => (g.Before, g.Events, Anchor: PositionFold.NewAnchor(g.Before, g.Events))).ToList();
        // A count that re-anchors a position needs every delta after it: asked for all such positions at once.
        var reanchored = groups.Where(g => g.Anchor is not null).ToList();
        var after = await bulk.SellableAfterAsync(tx, [.. reanchored.Select(g =>
            new LedgerProbe(g.Before.Sku.Value, g.Before.Node.Value, Instants.ToMicros(g.Anchor!.At), default))], ct);
        var afterByPosition = reanchored.Select((g, i) => (Key: new PositionKey(g.Before.Sku, g.Before.Node), Value: after[i]))
            .ToDictionary(x => x.Key, x => x.Value);
        foreach (var (before, events, anchor) in groups)
        {
            batch.Fold(before, events, anchor, afterByPosition.GetValueOrDefault(new PositionKey(before.Sku, before.Node)),
                direction => movement.GetValueOrDefault(new MovementKey(before.Sku.Value, before.Node.Value, direction)));
        }
        var counts = fresh.Where(e => e.IsCount).ToList();
        var systems = await bulk.OnHandAsOfAsync(tx, [.. counts.Select(c =>
            new LedgerProbe(c.Sku.Value, c.Node.Value, Instants.ToMicros(c.OccurredAt), c.Key))], ct);
        for (var i = 0; i < counts.Count; i++) batch.JudgeCount(counts[i], systems[i]);
        foreach (var report in fresh.Where(e => !e.Authoritative && !e.IsCount))
        {
            batch.JudgeReport(report, await LedgerRecords.AuthoritativeFigureAsync(tx, report, ct));
        }
        await bulk.SavePositionsAsync(tx, batch.Positions, now, ct);
        // After the save: it writes the buckets ingest computed and leaves committed to reservations.
        await Decisions.ShipmentConsumption.ConsumeAsync(tx, fresh, now, ct);
        await bulk.AddSupplyAsync(tx, SupplyChanges(fresh), now, ct);
        await bulk.AddMovementAsync(tx, batch.MovementAdded, ct);
        await bulk.SetOutcomesAsync(tx, batch.Outcomes, ct);
        await LedgerRecords.VariancesAsync(tx, batch.Variances, now, ct);
        await LedgerRecords.AnomaliesAsync(tx, batch.Anomalies, now, ct);
        await LedgerRecords.DiscrepanciesAsync(tx, batch.Discrepancies, now, ct);
    }

    static List<SupplyLineChange> SupplyChanges(IEnumerable<LedgerEvent> fresh) =>
        [.. fresh.Where(e => e.Authoritative && e.Supply is not null)
            .GroupBy(e => (Sku: e.Sku.Value, Node: e.Supply!.Destination.Value, e.Supply.Reference))
            .OrderBy(g => g.Key.Sku, StringComparer.Ordinal).ThenBy(g => g.Key.Node, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Reference, StringComparer.Ordinal)
            .Select(g =>
            {
                var etaSetter = g.Where(e => e.Supply!.Eta is not null).MaxBy(e => e.OccurredAt);
                return new SupplyLineChange(g.Key.Sku, g.Key.Node, g.Key.Reference, g.Sum(e => e.Supply!.Expected),
                    g.Sum(e => e.Supply!.Received), g.Any(e => e.Supply!.Cancelled), Instants.ToMicros(etaSetter?.Supply!.Eta),
                    Instants.ToMicros(etaSetter?.OccurredAt));
            })];
}
