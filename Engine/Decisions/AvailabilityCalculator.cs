namespace InventoryRules.Engine.Decisions;

/// <summary>
/// Availability to promise per line: every eligible node's units now and its promise date for them,
/// supply arriving later with the date it can be promised, and the network total. The earliest promise
/// date is the first date by which the requested quantity can be covered, from one node if one can,
/// otherwise from the network together.
/// </summary>
internal static class AvailabilityCalculator
{
    public static AvailabilityAnswer Answer(DecisionRequest request, DecisionSnapshot snapshot, RuleBook rules, DateTimeOffset? byDate)
    {
        var context = new DecisionContext(request, snapshot, rules);
        var facts = new NodeFacts(context);
        var evaluator = new CandidateEvaluator(context, facts);
        var lines = new List<LineAvailability>(request.Lines.Count);
        try
        {
            Lines(context, facts, evaluator, lines, byDate);
        }
        finally
        {
            evaluator.Release();
        }
        var ruleSet = rules.RuleSet;
        var explanation = new List<string> { $"answered under rule set {ruleSet.Id} (version {ruleSet.Version}) for segment {request.Segment}" };
        explanation.AddRange(Explanations.From(context.Trace, evaluator.EligibleNodes));
        return new AvailabilityAnswer(ruleSet.Id, ruleSet.Version, lines, explanation);
    }

    static void Lines(DecisionContext context, NodeFacts facts, CandidateEvaluator evaluator, List<LineAvailability> lines, DateTimeOffset? byDate)
    {
        foreach (var line in context.Request.Lines)
        {
            if (context.Item(line.Sku) is not { } item)
            {
                context.Trace.Add(new TraceEntry(TraceSteps.Rejected, null, line.LineId, null, $"{line.Sku} is not in the catalogue"));
                lines.Add(new LineAvailability(line.Sku, line.Quantity, 0, 0, null, []));
                continue;
            }
            var candidates = evaluator.Evaluate(line, item, trace: true);
            lines.Add(Line(context, facts, line, candidates, byDate));
        }
    }

    static LineAvailability Line(DecisionContext context, NodeFacts facts, OrderLine line, Candidate[] candidates, DateTimeOffset? byDate)
    {
        var nodes = new List<NodeAvailability>();
        var offers = new List<(DateTimeOffset Promise, long Quantity)>();
        DateTimeOffset? singleNode = null;
        for (var n = 0; n < context.Nodes.Length; n++)
        {
            ref readonly var c = ref candidates[n];
            if (!c.Eligible) continue;
            var future = FutureSupply.At(context, facts, n, line.Sku, c.CrossDock);
            if (c.Atp == 0 && future.Count == 0) continue;
            // By a date: what can reach the customer by then — stock now if its promise date is in time, and
            // inbound lots whose own promise date is.
            long byThen = byDate is { } by && c.Promise <= by ? c.Atp : 0;
            foreach (var f in future)
            {
                if (byDate is { } d && f.PromiseDate <= d) byThen += f.Quantity;
            }
            nodes.Add(new NodeAvailability(context.Nodes[n].Code.Value, c.Atp, c.Atp > 0 ? c.Promise : null, byDate is null ? c.Atp : byThen, future));
            if (c.Atp > 0) offers.Add((c.Promise, c.Atp));
            foreach (var f in future) offers.Add((f.PromiseDate, f.Quantity));
            // This node alone: the shelf first, then its inbound supply in promise order (At sorts it).
            var covered = c.Atp >= line.Quantity ? c.Promise : (DateTimeOffset?)null;
            var total = c.Atp;
            for (var i = 0; covered is null && i < future.Count; i++)
            {
                total += future[i].Quantity;
                if (total >= line.Quantity) covered = future[i].PromiseDate;
            }
            if (covered is { } date && (singleNode is null || date < singleNode)) singleNode = date;
        }
        long network = 0, networkByDate = 0;
        foreach (var node in nodes)
        {
            network += node.AvailableNow;
            networkByDate += node.AvailableByDate;
        }
        return new LineAvailability(line.Sku, line.Quantity, network, networkByDate, singleNode ?? CoveredBy(offers, line.Quantity), nodes);
    }

    /// <summary>The date by which the offers, earliest first, add up to <paramref name="quantity"/>.</summary>
    static DateTimeOffset? CoveredBy(List<(DateTimeOffset Promise, long Quantity)> offers, long quantity)
    {
        long total = 0;
        offers.Sort(static (a, b) => a.Promise.CompareTo(b.Promise));
        foreach (var (promise, units) in offers)
        {
            total += units;
            if (total >= quantity) return promise;
        }
        return null;
    }
}
