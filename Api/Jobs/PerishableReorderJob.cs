using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Stock;
using InventoryRules.Rules.Background.Reorder;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// Triggered after each stock re-evaluation: the perishable-reorder NRules pack over the stored reorder
/// figures, replenishment already ordered and short-dated lots. The suggestions replace the stored ones
/// (one per position and governing segment; equal ones are not rewritten, gone ones are deleted), so a
/// second run, or a retried one, orders nothing twice.
/// </summary>
public sealed class PerishableReorderJob(Database db, TimeProvider clock, ILogger<PerishableReorderJob> log) : IInventoryJob
{
    public const string JobName = "perishable-reorder";

    public string Name => JobName;

    public string Title => "Reorder triggers for perishables";

    public JobKind Kind => JobKind.Triggered;

    public string? DefaultSchedule => null;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (checks, open, lots) = await PerishableReorderInput.LoadAsync(db, now, ct);
        var report = PerishableReordering.Run(checks, open, lots);
        var shortDated = report.ShortDated.GroupBy(s => (s.Check.Sku, s.Check.Node, s.Check.Segment)).ToDictionary(g => g.Key, g => g.Sum(s => s.Lot.Quantity));
        var suggestions = report.Orders
            .Select(o => new ReorderSuggestion(o.Check.Sku, o.Check.Node, o.Check.Segment, o.Check.RuleId, ReorderSuggestion.Order, o.Quantity,
                o.AlreadyOrdered, shortDated.GetValueOrDefault((o.Check.Sku, o.Check.Node, o.Check.Segment)), o.Text))
            .Concat(report.Covered.Select(c => new ReorderSuggestion(c.Check.Sku, c.Check.Node, c.Check.Segment, c.Check.RuleId, ReorderSuggestion.Covered, 0,
                c.AlreadyOrdered, shortDated.GetValueOrDefault((c.Check.Sku, c.Check.Node, c.Check.Segment)), c.Text)))
            .ToList();

        var changed = await StoreRetry.WriteAsync(db, log, "reorder suggestions", async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var stored = (await ReorderSuggestion.Table.ReadAsync(conn, tx, SkuScope.Range(null, null), ct)).ToDictionary(s => s.Key);
            var upserts = new List<ReorderSuggestion>();
            foreach (var s in suggestions)
            {
                if (!stored.Remove(s.Key, out var old) || old != s) upserts.Add(s);
            }
            await ReorderSuggestion.Table.DeleteAsync(tx, [.. stored.Values], ct);
            await ReorderSuggestion.Table.UpsertAsync(tx, upserts, Instants.ToMicros(now), ct);
            await run.SaveAsync(tx, null, checks.Count, checks.Count, ct);
            await tx.CommitAsync(ct);
            return upserts.Count + stored.Count;
        }, ct);

        run.Count(StockCounters.Suggestions, report.Orders.Count);
        run.Count(StockCounters.SuggestionsChanged, changed);
        run.Count(StockCounters.ShortDatedLots, report.ShortDated.Count);
        foreach (var line in report.Lines) run.Note(line);
        if (report.Lines.Count == 0) run.Note($"{checks.Count} perishable positions looked at: nothing to order, no short-dated lot");
        await run.ProgressAsync(checks.Count, checks.Count, ct);
    }
}
