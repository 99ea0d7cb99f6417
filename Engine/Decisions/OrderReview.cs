namespace InventoryRules.Engine.Decisions;

/// <summary>
/// The engine's judgement of an accepted order without deciding it again, for background work that must
/// see an order exactly as a decision would (backorder release, cross-dock matching, re-evaluation after a
/// publish): its allocation priority (<see cref="Stock.PriorityScorer"/>, as allocation runs rank orders)
/// and, per line and node, eligibility, floor and cross_dock rule. Same code paths as
/// <see cref="Decider.Decide"/>, so the figures agree; pure like it.
/// </summary>
public static class OrderReview
{
    public static OrderVerdict Review(DecisionRequest request, DecisionSnapshot snapshot, RuleBook rules)
    {
        var priority = Stock.PriorityScorer.Score(request, snapshot, rules);
        var context = new DecisionContext(request, snapshot, rules);
        var evaluator = new CandidateEvaluator(context, new NodeFacts(context));
        var verdicts = new List<NodeVerdict>();
        try
        {
            foreach (var line in request.Lines)
            {
                if (context.Item(line.Sku) is not { } item) continue;
                var candidates = evaluator.Evaluate(line, item, trace: false);
                for (var n = 0; n < candidates.Length && n < context.Nodes.Length; n++)
                {
                    var c = candidates[n];
                    var judged = c.Eligible || c.ExcludedBecause is not null;
                    verdicts.Add(new NodeVerdict(line.LineId, line.Sku, context.Nodes[n].Code.Value, judged, c.Eligible, c.ExcludedBy,
                        c.ExcludedBecause, c.SafetyStock, c.HeldForOthers, c.Atp, c.CrossDock));
                }
            }
        }
        finally
        {
            // The candidate arrays are pooled: everything was copied out above.
            evaluator.Release();
        }
        return new OrderVerdict(request.OrderId, priority, verdicts);
    }
}
