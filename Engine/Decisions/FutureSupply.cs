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
            var open = supply.Quantity - context.ClaimedSupply.GetValueOrDefault((sku, n, supply.Reference));
            if (supply.Eta is not { } eta || open <= 0) continue;
            // Cross-docked lots go straight from the inbound to the outbound dock: no put-away time.
            var ready = crossDock is not null && supply.Quantity >= crossDock.MinQuantity ? eta : eta + leadTime;
            if (ready < context.Now) ready = context.Now;
            future.Add(new FutureAvailability(open, ready, facts.PromiseFrom(context.Nodes[n], n, ready), supply.Reference));
        }
        future.Sort((a, b) => a.PromiseDate.CompareTo(b.PromiseDate));
        return future;
    }

    /// <summary>What inbound supply at the eligible nodes can cover of <paramref name="units"/>, earliest promise first.</summary>
    public sealed record Cover(long Units, DateTimeOffset? PromiseDate, List<(int Node, SupplyClaim Claim)> Claims);

    /// <summary>
    /// Covers up to <paramref name="units"/> from supply arriving at the eligible nodes (promised no later
    /// than <paramref name="deadline"/> when one is given), earliest first; the promise date is the last
    /// lot's. Nothing is claimed until <see cref="Claim"/>.
    /// </summary>
    public static Cover Plan(DecisionContext context, NodeFacts facts, Candidate[] candidates, string sku, long units, DateTimeOffset? deadline)
    {
        var all = new List<(int Node, FutureAvailability Supply)>();
        for (var n = 0; n < context.Nodes.Length; n++)
        {
            if (!candidates[n].Eligible) continue;
            foreach (var supply in At(context, facts, n, sku, candidates[n].CrossDock)) all.Add((n, supply));
        }
        all.Sort((a, b) => a.Supply.PromiseDate.CompareTo(b.Supply.PromiseDate));
        var claims = new List<(int, SupplyClaim)>();
        long covered = 0;
        DateTimeOffset? date = null;
        foreach (var (n, supply) in all)
        {
            if (covered >= units || (deadline is { } d && supply.PromiseDate > d)) break;
            var take = Math.Min(units - covered, supply.Quantity);
            covered += take;
            date = supply.PromiseDate;
            claims.Add((n, new SupplyClaim(context.Nodes[n].Code.Value, supply.Reference, take, supply.PromiseDate)));
        }
        return new Cover(covered, date, claims);
    }

    /// <summary>Counts the covered lots as taken, so that later lines of the decision do not count on them again.</summary>
    public static IReadOnlyList<SupplyClaim> Claim(DecisionContext context, string sku, Cover cover, long units)
    {
        var taken = new List<SupplyClaim>();
        foreach (var (n, claim) in cover.Claims)
        {
            if (units <= 0) break;
            var quantity = Math.Min(units, claim.Quantity);
            units -= quantity;
            var key = (sku, n, claim.Reference);
            context.ClaimedSupply[key] = context.ClaimedSupply.GetValueOrDefault(key) + quantity;
            taken.Add(claim with { Quantity = quantity });
        }
        return taken;
    }
}
