using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Jobs;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine;
using InventoryRules.Engine.Operations;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api.Operations;

/// <summary>
/// The anomaly scan's reads and writes, one kind at a time: what the stored state shows now, judged by
/// <see cref="AnomalyScanRules"/>, written as open anomalies where none of the kind is open for the position.
/// Scans never quarantine: ingest quarantines when the event arrives; a scan reports for an operator.
/// </summary>
public sealed class AnomalyScanner(Database db, MasterDataRepository masterData, IOptions<IngestOptions> ingest,
    IOptions<JobsOptions> jobs, TimeProvider clock, ILogger<AnomalyScanner> log)
{
    /// <summary>Advisory lock key: "IRANOM" in ASCII. Two scans at once would both see "none open" and insert twice.</summary>
    const long ScanLockKey = 0x4952_414E_4F4D;

    readonly AnomalyPolicy policy = ingest.Value.ToPolicy();

    public async Task<IReadOnlyList<DetectedAnomaly>> FindAsync(string kind, DateTimeOffset now, CancellationToken ct)
    {
        var since = Instants.ToMicros(now.AddHours(-jobs.Value.AnomalyLookbackHours));
        await using var conn = await db.OpenAsync(ct);
        switch (kind)
        {
            case AnomalyKinds.NegativeOnHand:
            case AnomalyKinds.Overcommitted:
                return [.. (await conn.QueryAsync<PositionRow>(new CommandDefinition(AnomalyScanSql.Negative, cancellationToken: ct)))
                    .Select(p => AnomalyScanRules.Negative(new(p.Sku), new(p.Node), p.OnHand, p.Committed))
                    .Where(a => a?.Kind == kind).Select(a => a!)];
            case AnomalyKinds.MovementSpike:
                var spikes = (await conn.QueryAsync<MovementRow>(new CommandDefinition(AnomalyScanSql.Movements, new { since }, cancellationToken: ct)))
                    .Select(m => AnomalyScanRules.Spike(m.Type, new(m.Sku), new(m.Node), new(m.Source, m.EventId), m.Delta, new ItemMovement(m.Events, m.Units), policy))
                    .OfType<DetectedAnomaly>();
                // One per position: the largest stands for the others.
                return [.. spikes.GroupBy(a => (a.Sku, a.Node)).Select(g => g.MaxBy(a => a.Observed)!)];
            case AnomalyKinds.StalePosition:
                if (AnomalyScanRules.Strictest(await masterData.SegmentsAsync(ct)) is not { } strictest) return [];
                var staleBefore = Instants.ToMicros(now - strictest.FreshnessTolerance);
                return [.. (await conn.QueryAsync<StaleRow>(new CommandDefinition(AnomalyScanSql.Stale, new { staleBefore }, cancellationToken: ct)))
                    .Select(s => AnomalyScanRules.Stale(new(s.Sku), new(s.Node), s.OnHand, Instants.FromMicros(s.SeenAt), now, strictest))
                    .OfType<DetectedAnomaly>()];
            case AnomalyKinds.CountVariance:
                var variances = (await conn.QueryAsync<VarianceRow>(new CommandDefinition(AnomalyScanSql.Variances, new { since }, cancellationToken: ct)))
                    .Select(v => AnomalyDetector.ForCount(new CountVariance(new(v.Source, v.EventId), new(v.Sku), new(v.Node),
                        Instants.FromMicros(v.CountedAt), v.Counted, v.System), policy))
                    .OfType<DetectedAnomaly>();
                return [.. variances.GroupBy(a => (a.Sku, a.Node)).Select(g => g.MaxBy(a => Math.Abs(a.Observed - a.Expected))!)];
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a scanned kind");
        }
    }

    /// <summary>Writes those with no open anomaly of their kind for their position, with the run's checkpoint; returns the ones written.</summary>
    public Task<List<DetectedAnomaly>> RecordAsync(JobRun run, string kind, IReadOnlyList<DetectedAnomaly> found, long done, long total, CancellationToken ct) =>
        StoreRetry.WriteAsync(db, log, "anomaly scan", async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            if (db.IsPostgres) await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = ScanLockKey }, tx, cancellationToken: ct));
            var now = Instants.ToMicros(clock.GetUtcNow());
            var created = new List<DetectedAnomaly>();
            foreach (var a in found)
            {
                var inserted = await conn.ExecuteAsync(new CommandDefinition(AnomalyScanSql.InsertIfNoneOpen, new
                {
                    DetectedAt = now, a.Kind, Sku = a.Sku.Value, Node = a.Node.Value, a.Event?.Source, a.Event?.EventId, a.Observed,
                    a.Expected, a.Detail,
                }, tx, cancellationToken: ct));
                if (inserted == 1) created.Add(a);
            }
            run.Count(kind, created.Count);
            run.Count("already_open", found.Count - created.Count);
            foreach (var a in created) run.Note(a.Detail);
            if (found.Count > 0) run.Note($"{kind.Replace('_', ' ')}: {found.Count} found, {created.Count} new in the queue, {found.Count - created.Count} already open");
            await run.SaveAsync(tx, kind, done, total, ct);
            await tx.CommitAsync(ct);
            return created;
        }, ct);

    sealed class PositionRow
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long OnHand { get; init; }
        public long Committed { get; init; }
    }

    sealed class MovementRow
    {
        public string Source { get; init; } = "";
        public string EventId { get; init; } = "";
        public string Type { get; init; } = "";
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long Delta { get; init; }
        public long Events { get; init; }
        public long Units { get; init; }
    }

    sealed class StaleRow
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long OnHand { get; init; }
        public long? SeenAt { get; init; }
    }

    sealed class VarianceRow
    {
        public string Source { get; init; } = "";
        public string EventId { get; init; } = "";
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long CountedAt { get; init; }
        public long Counted { get; init; }
        public long System { get; init; }
    }
}
