namespace InventoryRules.Engine.Decisions;

/// <summary>
/// In-transit supply as promises: a supply line can be promised from its ETA plus the inbound lead time
/// (receiving, put-away), then the node's next departure plus transit days.
/// </summary>
internal static class FutureSupply
{
    static readonly List<FutureAvailability> None = [];

    /// <summary>The node's inbound supply of the sku as promises, earliest first; a shared empty list when there is none (do not add to it).</summary>
    public static List<FutureAvailability> At(DecisionContext context, NodeFacts facts, int n, string sku, Rules.Model.CrossDockRule? crossDock = null)
    {
        if (context.Position(sku, n) is not { InTransit.Count: > 0 } stock) return None;
        var future = new List<FutureAvailability>(stock.InTransit.Count);
        var leadTime = TimeSpan.FromHours(context.Snapshot.Settings.InboundLeadTimeHours);
        foreach (var supply in stock.InTransit)
        {
            if (supply.Eta is not { } eta || supply.Quantity <= 0) continue;
            // Cross-docked lots go straight from the inbound to the outbound dock: no put-away time.
            var ready = crossDock is not null && supply.Quantity >= crossDock.MinQuantity ? eta : eta + leadTime;
            if (ready < context.Now) ready = context.Now;
            future.Add(new FutureAvailability(supply.Quantity, ready, facts.PromiseFrom(context.Nodes[n], n, ready), supply.Reference));
        }
        future.Sort((a, b) => a.PromiseDate.CompareTo(b.PromiseDate));
        return future;
    }

    /// <summary>
    /// The earliest promise date by which <paramref name="units"/> can be covered from supply arriving at
    /// the eligible nodes, or null when all of it together is not enough.
    /// </summary>
    public static DateTimeOffset? EarliestCovering(DecisionContext context, NodeFacts facts, Candidate[] candidates, string sku, long units)
    {
        var all = new List<FutureAvailability>();
        for (var n = 0; n < context.Nodes.Length; n++)
        {
            if (candidates[n].Eligible) all.AddRange(At(context, facts, n, sku, candidates[n].CrossDock));
        }
        all.Sort((a, b) => a.PromiseDate.CompareTo(b.PromiseDate));
        long covered = 0;
        foreach (var supply in all)
        {
            covered += supply.Quantity;
            if (covered >= units) return supply.PromiseDate;
        }
        return null;
    }
}
