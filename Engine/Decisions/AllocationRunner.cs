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
        var request = demand.Request;
        var context = new DecisionContext(request, snapshot, demand.Rules);
        var first = request.Lines.Select(l => context.Item(l.Sku)).FirstOrDefault(i => i is not null);
        if (first is null) return new Scored(demand, arrival, null, 0, [], []);
        // The order is scored as a whole: "line" is every line together (its quantity, value and margin summed).
        var whole = new OrderLine("*", first.Sku.Value, request.Lines.Sum(l => l.Quantity));
        context.FillLine(whole, first, false, context.BurnRateRatio(first.Sku.Value));
        context.Inputs.Line.Value = request.Lines.Sum(l => (context.Item(l.Sku)?.UnitPrice ?? 0) * l.Quantity);
        context.Inputs.Line.Margin = request.Lines.Sum(l => context.Item(l.Sku) is { } i ? (i.UnitPrice - i.UnitCost) * l.Quantity : 0);
        foreach (var rule in demand.Rules.RuleSet.OfKind(RuleKinds.AllocationPriority))
        {
            if (!RuleChecks.MatchesWithoutNode(rule, context.Inputs, context.Trace, null)) continue;
            var priority = (AllocationPriorityRule)rule.Rule;
            var score = RuleChecks.Number(rule, "score", context.Inputs, 0, context.Trace, null);
            var tieBreaks = priority.TieBreaks ?? [];
            var values = tieBreaks.Select((_, i) => RuleChecks.Number(rule, $"tieBreaks/{i}/expression", context.Inputs, 0, context.Trace, null)).ToList();
            return new Scored(demand, arrival, priority.Id, score, values, [.. tieBreaks.Select(t => t.Descending)]);
        }
        return new Scored(demand, arrival, null, 0, [], []);
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
