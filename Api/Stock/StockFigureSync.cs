using System.Diagnostics;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Jobs;
using InventoryRules.Engine.Stock;
using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Model;

namespace InventoryRules.Api.Stock;

/// <summary>
/// Recompute and diff: loads the input, evaluates every position with <see cref="StockReevaluator"/>, and
/// walks the result in batches of whole skus, each batch one transaction that reads what is stored for its
/// skus, writes only the difference (upserts, deletes, held buckets) and saves the run's checkpoint.
/// Naturally resumable: every batch brings the store to the figures of the run, whatever an earlier attempt
/// wrote, so a killed run resumed from its checkpoint (the last sku committed) skips what committed and
/// cannot apply anything twice; a run right after another finds nothing to write.
/// </summary>
public sealed class StockFigureSync(Database db, StockInputLoader loader, TimeProvider clock, ILogger<StockFigureSync> log)
{
    /// <summary>Positions per batch (rounded up to a whole sku): short transactions, so SQLite's one writer is not kept long from decisions.</summary>
    public const int BatchPositions = 5_000;

    /// <summary>Report lines for single rows; the rest of the report is kept for the summary lines at the end.</summary>
    const int RowLines = JobRun.MaxReportLines - 40;

    /// <param name="skus">Null: every position (stored rows of positions gone are deleted). Else only these skus' positions.</param>
    public async Task<StockSyncTimes> RunAsync(JobRun run, IReadOnlyList<string>? skus, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var snapshot = await loader.LoadAsync(now, skus is null ? null : [.. skus], ct);
        var input = snapshot.Input;
        var evaluating = Stopwatch.StartNew();
        var result = StockReevaluator.Evaluate(input);
        evaluating.Stop();
        var writing = Stopwatch.StartNew();
        var expiries = Expiries(snapshot.RuleSets);
        var released = new Dictionary<(string Segment, string RuleId), (long Units, int Positions)>();
        var total = input.Positions.Count;
        long done = 0;
        foreach (var batch in Batches(input.Positions, result, snapshot.RuleSets, expiries, skus))
        {
            done += batch.Positions;
            // Whole batches committed by an earlier attempt of this run: its checkpoint is the last sku written.
            if (skus is null && run.Checkpoint is { } written && string.CompareOrdinal(batch.LastSku, written) <= 0) continue;
            var diff = await WriteAsync(run, batch, Instants.ToMicros(now), skus is null ? batch.LastSku : run.Checkpoint, done, total, ct);
            foreach (var line in diff.Lines) run.Note(line);
            foreach (var (key, (units, positions)) in diff.Released)
            {
                var (u, p) = released.GetValueOrDefault(key);
                released[key] = (u + units, p + positions);
            }
        }
        writing.Stop();
        foreach (var ((segment, rule), (units, positions)) in released.OrderBy(r => r.Key.Segment, StringComparer.Ordinal).ThenBy(r => r.Key.RuleId, StringComparer.Ordinal))
        {
            run.Note(StockWords.Released(segment, rule, units, positions));
        }
        run.Count(StockCounters.Failures, result.FailureCount);
        run.Count(StockCounters.Skipped, result.PositionsSkipped);
        foreach (var failure in result.Failures.Take(10)) run.Note(StockWords.Failure(failure));
        var times = new StockSyncTimes(total, snapshot.LoadTime, evaluating.Elapsed, writing.Elapsed);
        run.Note($"{total} positions under {snapshot.RuleSets.Count} rule sets in force: {result.Reorders.Count(r => r.Triggered)} at or below "
            + $"their reorder point; read in {times.Load.TotalSeconds:0.0} s, evaluated in {times.Evaluate.TotalSeconds:0.0} s, "
            + $"compared and written in {times.Write.TotalSeconds:0.0} s");
        await run.ProgressAsync(done, total, ct);
        return times;
    }

    async Task<StockDiff> WriteAsync(JobRun run, StockBatch batch, long now, string? checkpoint, long done, long total, CancellationToken ct) =>
        await StoreRetry.WriteAsync(db, log, "stock figures", async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var diff = StockDiff.Compute(batch,
                await StockTables.Safety.ReadAsync(conn, tx, batch.Scope, ct),
                await StockTables.Holds.ReadAsync(conn, tx, batch.Scope, ct),
                await StockTables.Reorders.ReadAsync(conn, tx, batch.Scope, ct),
                await HeldBucket.ReadAsync(conn, tx, batch.Scope, ct),
                Math.Max(0, RowLines - run.Report.Count));
            await StockTables.Safety.DeleteAsync(tx, diff.SafetyDeletes, ct);
            await StockTables.Safety.UpsertAsync(tx, diff.SafetyUpserts, now, ct);
            await StockTables.Holds.DeleteAsync(tx, diff.HoldDeletes, ct);
            await StockTables.Holds.UpsertAsync(tx, diff.HoldUpserts, now, ct);
            await StockTables.Reorders.DeleteAsync(tx, diff.ReorderDeletes, ct);
            await StockTables.Reorders.UpsertAsync(tx, diff.ReorderUpserts, now, ct);
            await HeldBucket.SetAsync(tx, diff.HeldUpdates, ct);
            // The counters go into job_runs in this transaction; taken back if it does not commit (a retry counts again).
            var counts = Counts(diff, batch.Positions);
            foreach (var (counter, by) in counts) run.Count(counter, by);
            try
            {
                await run.SaveAsync(tx, checkpoint, done, total, ct);
                await tx.CommitAsync(ct);
            }
            catch
            {
                foreach (var (counter, by) in counts) run.Count(counter, -by);
                throw;
            }
            return diff;
        }, ct);

    static (string, long)[] Counts(StockDiff diff, int positions) =>
    [
        (StockCounters.Positions, positions), (StockCounters.SafetyStockChanged, diff.SafetyChanged), (StockCounters.HoldsChanged, diff.HoldsChanged),
        (StockCounters.HeldChanged, diff.HeldUpdates.Count), (StockCounters.UnitsReleased, diff.UnitsReleased),
        (StockCounters.ReordersChanged, diff.ReordersChanged), (StockCounters.ReordersTriggered, diff.ReordersTriggered),
    ];

    /// <summary>The result cut into batches of whole skus, in input order (the store's key order); rows follow their positions.</summary>
    static IEnumerable<StockBatch> Batches(IReadOnlyList<StockPosition> positions, StockReevaluation result,
        IReadOnlyDictionary<string, CompiledRuleSet> ruleSets, Dictionary<(string, string), long?> expiries, IReadOnlyList<string>? skus)
    {
        int s = 0, h = 0, r = 0, t = 0;
        string? after = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<int>();
        for (var k = 0; k <= positions.Count; k++)
        {
            var last = k == positions.Count;
            if (!last && (batch.Count < BatchPositions || positions[k].Sku == positions[batch[^1]].Sku))
            {
                batch.Add(k);
                continue;
            }
            if (batch.Count == 0) break;
            var lastSku = positions[batch[^1]].Sku;
            var batchSkus = batch.Select(i => positions[i].Sku).Distinct(StringComparer.Ordinal).ToList();
            seen.UnionWith(batchSkus);
            var scope = skus is not null ? SkuScope.Of(batchSkus) : SkuScope.Range(after, last ? null : lastSku);
            var rows = new StockBatch(scope) { Positions = batch.Count, LastSku = lastSku };
            foreach (var i in batch)
            {
                var p = positions[i];
                for (; s < result.SafetyStock.Count && Is(result.SafetyStock[s].Sku, result.SafetyStock[s].Node, p); s++)
                {
                    var f = result.SafetyStock[s];
                    rows.Safety.Add(new StoredSafetyStock(f, ruleSets[f.Segment].Id, ruleSets[f.Segment].Version));
                }
                for (; h < result.Holds.Count && Is(result.Holds[h].Sku, result.Holds[h].Node, p); h++)
                {
                    var f = result.Holds[h];
                    rows.Holds.Add(new StoredHold(f, expiries.GetValueOrDefault((f.Segment, f.RuleId)), ruleSets[f.Segment].Id, ruleSets[f.Segment].Version));
                }
                for (; r < result.Reorders.Count && Is(result.Reorders[r].Sku, result.Reorders[r].Node, p); r++)
                {
                    var f = result.Reorders[r];
                    rows.Reorders.Add(new StoredReorder(f, ruleSets[f.Segment].Id, ruleSets[f.Segment].Version));
                }
                for (; t < result.Held.Count && Is(result.Held[t].Sku, result.Held[t].Node, p); t++) rows.Held.Add((p.Sku, p.Node, result.Held[t].Units));
            }
            yield return rows;
            after = lastSku;
            batch.Clear();
            if (!last) batch.Add(k);
        }
        // Skus asked for that have no position left: their stored rows go.
        if (skus is not null && skus.Where(x => !seen.Contains(x)).ToList() is { Count: > 0 } gone) yield return new StockBatch(SkuScope.Of(gone)) { LastSku = gone[^1] };
        else if (skus is null && positions.Count == 0) yield return new StockBatch(SkuScope.Range(null, null));
    }

    static bool Is(string sku, string node, StockPosition p) => sku == p.Sku && node == p.Node;

    /// <summary>Each hold rule's expiry, stored with its rows so that hold-expiry finds them by rule.</summary>
    static Dictionary<(string, string), long?> Expiries(IReadOnlyDictionary<string, CompiledRuleSet> ruleSets)
    {
        var expiries = new Dictionary<(string, string), long?>();
        foreach (var (segment, set) in ruleSets)
        {
            foreach (var rule in set.OfKind(RuleKinds.Hold)) expiries[(segment, rule.Rule.Id)] = Instants.ToMicros(((HoldRule)rule.Rule).ExpiresAt);
        }
        return expiries;
    }
}
