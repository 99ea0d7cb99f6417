using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Jobs;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine;
using InventoryRules.Rules.Background.CrossDock;

namespace InventoryRules.Api.Supply;

/// <summary>
/// Matches inbound supply (ASNs, transfers) at nodes with the cross_dock capability to open backorders there
/// with CrossDockMatching (NRules), under each segment's cross_dock rules as the engine judges them for the
/// order. Supply and demand are taken net of earlier matches, so a rerun adds only what is new.
/// </summary>
public sealed class CrossDockMatcher(Database db, SupplyJobLock locks,
    BackorderRecorder recorder, BackorderRepository backorders, CrossDockRepository matches,
    OrderReviews reviews, MasterDataCache masterData, TimeProvider clock, ILogger<CrossDockMatcher> log)
{
    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        await using var held = await locks.AcquireAsync(SupplyJobLock.CrossDockMatching, ct);
        await RunLockedAsync(run, ct);
    }

    async Task RunLockedAsync(JobRun run, CancellationToken ct)
    {
        run.Count("recorded", await recorder.RecordAsync(ct));
        var master = await masterData.GetAsync(ct);
        var crossDockNodes = master.Nodes.Values.Where(n => n.Capabilities.Contains(NodeCapabilities.CrossDock, StringComparer.Ordinal))
            .Select(n => n.Code.Value).ToList();
        var supply = await matches.OpenSupplyAsync(crossDockNodes, ct);
        run.Count("supply_lines", supply.Count);
        var skus = supply.Select(s => s.Sku).ToHashSet(StringComparer.Ordinal);
        var open = (await backorders.OpenAsync(ct)).Where(b => skus.Contains(b.Sku)).ToList();
        var now = clock.GetUtcNow();
        var judged = await reviews.ReviewAsync([.. open.Select(b => b.OrderId)], now, null, null, ct);
        var facts = CrossDockFacts.Build(supply, open, await matches.MatchedDemandAsync(ct), judged);
        var report = CrossDockMatching.Run(facts.Supply, facts.Demand, facts.Terms.Values);
        run.Count("matches", report.Matches.Count);
        run.Count("matched_units", report.Matches.Sum(m => m.Quantity));
        run.Count("open_demand_lines", report.DemandOpen.Count);
        foreach (var line in report.Lines.Concat(facts.Skipped)) run.Note(line);
        if (supply.Count == 0) run.Note("no open inbound supply at a cross-dock node");

        var micros = Instants.ToMicros(now);
        var rows = report.Matches.Select(m => new
        {
            Id = "xdm_" + Guid.CreateVersion7().ToString("N"), m.Supply.Reference, m.Supply.Sku, m.Supply.Node, m.Demand.OrderId, m.Demand.LineId,
            m.Demand.Segment, m.Quantity, Eta = Instants.ToMicros(m.Supply.Eta), NeedBy = Instants.ToMicros(m.Demand.NeedBy), m.DwellHours, m.RuleId,
            RunId = run.Id, Now = micros,
        }).ToList();
        await StoreRetry.WriteAsync(db, log, "cross-dock matches", async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            if (rows.Count > 0) await conn.ExecuteAsync(new CommandDefinition(CrossDockRepository.Upsert, rows, tx, cancellationToken: ct));
            await run.SaveAsync(tx, "matched", rows.Count, rows.Count, ct);
            await tx.CommitAsync(ct);
            return rows.Count;
        }, ct);
    }
}
