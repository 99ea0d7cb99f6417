using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Decisions;

/// <summary>
/// Constrained allocation: competing demands (a backlog, pre-orders, a B2B allocation) are scored by the
/// first allocation_priority rule of their segment that matches, ordered by score (highest first), then
/// by the rule's tie-breaks, then by their place in the request (first come, first served), and served
/// in that order, each decided on the stock the ones before it left.
/// </summary>
internal static class AllocationRunner
{
    public static AllocationRunResult Run(IReadOnlyList<Demand> demands, DecisionSnapshot snapshot, IReadOnlyDictionary<string, Segment> segments)
    {
        var scored = demands.Select((d, i) => Score(d, SnapshotFor(d, snapshot, segments), i)).ToList();
        scored.Sort(Compare);
        var positions = snapshot.Positions.ToDictionary(p => (p.Sku, p.Node));
        var ranking = new List<RankedDemand>(scored.Count);
        var explanation = new List<string>();
        foreach (var s in scored)
        {
            var current = SnapshotFor(s.Demand, snapshot, segments) with { Positions = [.. positions.Values] };
            var decision = Decider.Decide(s.Demand.Request, current, s.Demand.Rules);
            foreach (var allocation in decision.Lines.SelectMany(l => l.Allocations.Concat(l.Substitutions)))
            {
                var key = (allocation.Sku, allocation.Node);
                positions[key] = positions[key] with { Committed = positions[key].Committed + allocation.Quantity };
            }
            // Inbound supply a backorder counts on is not promised to the demands after it.
            foreach (var line in decision.Lines)
            {
                foreach (var claim in line.SupplyClaims ?? [])
                {
                    var key = (line.Sku, claim.Node);
                    positions[key] = positions[key] with
                    {
                        InTransit = [.. positions[key].InTransit.Select(s => s.Reference == claim.Reference ? s with { Quantity = s.Quantity - claim.Quantity } : s)],
                    };
                }
            }
            var rank = ranking.Count + 1;
            ranking.Add(new RankedDemand(rank, s.Demand.Request.OrderId, s.Demand.Request.Segment, s.RuleId, s.Score, s.TieBreaks, decision));
            explanation.Add($"#{rank} {s.Demand.Request.OrderId} ({s.Demand.Request.Segment}): score {s.Score:0.##}"
                + (s.RuleId is null ? " (no allocation_priority rule applies)" : $" by rule {s.RuleId}")
                + $"; got {decision.Totals.Allocated + decision.Totals.Substituted} of {decision.Totals.Requested} units"
                + (decision.Totals.Backordered > 0 ? $", {decision.Totals.Backordered} backordered" : "")
                + (decision.Totals.Rejected > 0 ? $", {decision.Totals.Rejected} refused" : ""));
        }
        var decisions = ranking.Select(r => r.Decision.Totals).ToList();
        var totals = new DecisionTotals(decisions.Sum(t => t.Requested), decisions.Sum(t => t.Allocated), decisions.Sum(t => t.Substituted),
            decisions.Sum(t => t.Backordered), decisions.Sum(t => t.Rejected), decisions.Sum(t => t.Shipments), decisions.Sum(t => t.Cost));
        return new AllocationRunResult(ranking, totals, explanation);
    }

    sealed record Scored(Demand Demand, int Arrival, string? RuleId, double Score, IReadOnlyList<double> TieBreaks, IReadOnlyList<bool> Descending);

    static DecisionSnapshot SnapshotFor(Demand demand, DecisionSnapshot snapshot, IReadOnlyDictionary<string, Segment> segments) =>
        segments.TryGetValue(demand.Request.Segment, out var segment) ? snapshot with { Segment = segment } : snapshot;

    static Scored Score(Demand demand, DecisionSnapshot snapshot, int arrival)
    {
        // The same scoring the background packs rank backorders and reservations with.
        var priority = Stock.PriorityScorer.Score(demand.Request, snapshot, demand.Rules);
        return new Scored(demand, arrival, priority.RuleId, priority.Score, priority.TieBreaks, priority.Descending);
    }

    static int Compare(Scored a, Scored b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0) return byScore;
        for (var i = 0; i < Math.Min(a.TieBreaks.Count, b.TieBreaks.Count); i++)
        {
            var order = a.TieBreaks[i].CompareTo(b.TieBreaks[i]);
            if (order != 0) return a.Descending[i] ? -order : order;
        }
        return a.Arrival.CompareTo(b.Arrival);
    }
}
