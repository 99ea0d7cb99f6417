using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Decisions;

/// <summary>
/// The decision core: a pure function of (request, snapshot, rules). No I/O, no clock (the snapshot
/// carries "now"), so a logged decision replays exactly.
/// </summary>
public static class Decider
{
    /// <summary>Sources an order: where each line ships from, or what is backordered, substituted, refused.</summary>
    public static Decision Decide(DecisionRequest request, DecisionSnapshot snapshot, RuleBook rules)
    {
        var context = new DecisionContext(request, snapshot, rules);
        var facts = new NodeFacts(context);
        var evaluator = new CandidateEvaluator(context, facts);
        try
        {
            return Decide(context, facts, evaluator);
        }
        finally
        {
            evaluator.Release();
        }
    }

    static Decision Decide(DecisionContext context, NodeFacts facts, CandidateEvaluator evaluator)
    {
        var (request, snapshot, rules) = (context.Request, context.Snapshot, context.Rules);
        var ruleSet = rules.RuleSet;
        context.Trace.Add(new TraceEntry(TraceSteps.RuleSet, null, null, null,
            $"decided under rule set {ruleSet.Id} (version {ruleSet.Version}) for segment {request.Segment}"));

        var (works, unknown, peak) = Lines(context, evaluator);
        var split = SplitPolicyFor(context, works, peak);
        var plan = Allocator.Solve(works, works.Select(w => w.Pool).DefaultIfEmpty(-1).Max() + 1, split, snapshot.Settings.CandidateLimit);
        context.Trace.Add(new TraceEntry(TraceSteps.Candidates, null, null, null,
            $"{plan.SubsetsTried} node combinations compared; the chosen plan fills {plan.Filled} of {request.Lines.Sum(l => l.Quantity)} units at routing score {plan.Cost:0.##} (lower is better)",
            new Dictionary<string, double> { ["combinations"] = plan.SubsetsTried, ["filled"] = plan.Filled, ["routingScore"] = plan.Cost }));
        if (plan.Filled > 0) context.Trace.Add(Choice(context, plan));

        var remaining = RemainingAfter(works, plan);
        var usedNodes = plan.Lines.SelectMany(l => l).Select(p => p.Node).ToHashSet();
        var resolver = new ShortfallResolver(context, facts, evaluator, split);
        var decided = new LineDecision?[request.Lines.Count];
        for (var w = 0; w < works.Count; w++)
        {
            var work = works[w];
            var allocations = new List<Allocation>();
            foreach (var (n, quantity) in plan.Lines[w])
            {
                var c = work.Candidates[n];
                var code = context.Nodes[n].Code.Value;
                allocations.Add(new Allocation(work.Line.Sku, code, quantity, c.Promise, c.Floor));
                context.Trace.Add(new TraceEntry(TraceSteps.Allocated, c.RoutingRule, work.Line.LineId, code,
                    $"{quantity} × {work.Line.Sku} from {code}, promised {c.Promise.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}: "
                    + $"{c.Atp} available to promise after {c.SafetyStock} safety stock and {c.HeldForOthers} held for others; "
                    + $"routing score {c.Fixed:0.##} per shipment + {c.UnitCost:0.##} per unit" + (c.RoutingRule is null ? " (default routing)" : $" (routing rule {c.RoutingRule})"),
                    new Dictionary<string, double>
                    {
                        ["quantity"] = quantity, ["available"] = c.Atp, ["safetyStock"] = c.SafetyStock, ["heldForOthers"] = c.HeldForOthers,
                        ["shipmentScore"] = c.Fixed, ["unitScore"] = c.UnitCost, ["depthTerm"] = c.LineTerm,
                        ["transitDays"] = facts.TransitDays[n], ["distanceKm"] = Math.Round(facts.DistanceKm[n], 1),
                    }));
            }
            if (request.RequestedDate is { } requested)
            {
                foreach (var late in allocations.Where(a => a.PromiseDate > requested))
                {
                    context.Trace.Add(new TraceEntry(TraceSteps.Late, null, work.Line.LineId, late.Node,
                        $"{late.Quantity} × {late.Sku} from {late.Node} promised {Day(late.PromiseDate)}, after the requested {Day(requested)}"));
                }
            }
            var shortBy = work.Line.Quantity - allocations.Sum(a => a.Quantity);
            var outcome = shortBy > 0 ? resolver.Resolve(work, shortBy, remaining, usedNodes) : new ShortfallResolver.Outcome([], 0, 0, null);
            decided[work.Index] = new LineDecision(work.Line.LineId, work.Line.Sku, work.Line.Quantity, allocations,
                outcome.Backordered, outcome.Rejected, outcome.Substitutions, outcome.BackorderPromiseDate,
                outcome.Claims is { Count: > 0 } claims ? claims : null);
        }
        foreach (var index in unknown)
        {
            var line = request.Lines[index];
            context.Trace.Add(new TraceEntry(TraceSteps.Rejected, null, line.LineId, null, $"{line.Sku} is not in the catalogue; the line is refused"));
            decided[index] = new LineDecision(line.LineId, line.Sku, line.Quantity, [], 0, line.Quantity, [], null);
        }
        var lines = decided.Select(d => d!).ToList();
        var shipments = lines.SelectMany(l => l.Allocations.Concat(l.Substitutions)).Select(a => a.Node).Distinct().Count();
        context.Trace.Add(new TraceEntry(TraceSteps.Split, split.RuleId, null, null, SplitText(split, shipments)));
        var totals = new DecisionTotals(lines.Sum(l => l.Requested), lines.Sum(l => l.Allocated), lines.Sum(l => l.Substituted),
            lines.Sum(l => l.Backordered), lines.Sum(l => l.Rejected), shipments, Math.Round(plan.Cost, 4));
        return new Decision(request.OrderId, ruleSet.Id, ruleSet.Version, request.Segment, lines, totals, context.Trace,
            Explanations.From(context.Trace, evaluator.EligibleNodes));
    }

    /// <summary>What can be promised per line now and by <paramref name="byDate"/>, per node and for the network.</summary>
    public static AvailabilityAnswer Availability(DecisionRequest request, DecisionSnapshot snapshot, RuleBook rules, DateTimeOffset? byDate) =>
        AvailabilityCalculator.Answer(request, snapshot, rules, byDate);

    /// <summary>
    /// Competing demands for the same stock: ranked by their segments' allocation_priority rules, then
    /// served in that order, each on what the ones before it left. The snapshot must hold every sku of
    /// every demand; each demand is decided under its own segment from <paramref name="segments"/>.
    /// </summary>
    public static AllocationRunResult Run(IReadOnlyList<Demand> demands, DecisionSnapshot snapshot, IReadOnlyDictionary<string, Segment> segments) =>
        AllocationRunner.Run(demands, snapshot, segments);

    /// <summary>
    /// Every sku a decision for these lines may read: the lines' own and the substitutes the rule set
    /// names for them. The service loads exactly these positions into the snapshot.
    /// </summary>
    public static IReadOnlyList<string> SkusToRead(IEnumerable<string> lineSkus, RuleBook rules)
    {
        var skus = new SortedSet<string>(lineSkus, StringComparer.Ordinal);
        var substitutes = rules.RuleSet.OfKind(RuleKinds.Backorder)
            .SelectMany(r => ((BackorderRule)r.Rule).Substitutions ?? [])
            .Where(s => skus.Contains(s.For))
            .SelectMany(s => s.Use)
            .ToList();
        skus.UnionWith(substitutes);
        return [.. skus];
    }

    static (List<LineWork> Works, List<int> Unknown, PeakState? Peak) Lines(DecisionContext context, CandidateEvaluator evaluator)
    {
        var works = new List<LineWork>();
        var unknown = new List<int>();
        var pools = new Dictionary<string, int>(StringComparer.Ordinal);
        PeakState? orderPeak = null;
        for (var i = 0; i < context.Request.Lines.Count; i++)
        {
            var line = context.Request.Lines[i];
            if (context.Item(line.Sku) is not { } item)
            {
                unknown.Add(i);
                continue;
            }
            var candidates = evaluator.Evaluate(line, item, trace: true);
            if (evaluator.LastPeak is { } peak)
            {
                orderPeak ??= peak;
                context.Trace.Add(new TraceEntry(TraceSteps.Peak, peak.RuleId, line.LineId, null,
                    $"{line.Sku} sells at {peak.Ratio:0.0}× its usual rate: peak rule {peak.RuleId} is in force",
                    new Dictionary<string, double> { ["burnRateRatio"] = Math.Round(peak.Ratio, 3) }));
            }
            if (!pools.TryGetValue(line.Sku, out var pool)) pools[line.Sku] = pool = pools.Count;
            works.Add(new LineWork(i, line, item, pool, candidates));
        }
        return (works, unknown, orderPeak);
    }

    static SplitPolicy SplitPolicyFor(DecisionContext context, List<LineWork> works, PeakState? peak)
    {
        if (works.Count > 0) context.FillLine(works[0].Line, works[0].Item, peak is not null, peak?.Ratio ?? 1);
        SplitRule? rule = null;
        foreach (var candidate in context.Rules.RuleSet.OfKind(RuleKinds.Split))
        {
            if (!RuleChecks.MatchesWithoutNode(candidate, context.Inputs, context.Trace, null)) continue;
            rule = (SplitRule)candidate.Rule;
            break;
        }
        return SplitPolicy.From(rule).Adjusted(peak);
    }

    static Dictionary<string, long[]> RemainingAfter(List<LineWork> works, AllocationPlan plan)
    {
        var remaining = new Dictionary<string, long[]>(StringComparer.Ordinal);
        for (var i = 0; i < works.Count; i++)
        {
            var work = works[i];
            if (!remaining.TryGetValue(work.Line.Sku, out var left))
            {
                left = [.. work.Candidates.Select(c => c.Eligible ? c.Atp : 0)];
                remaining[work.Line.Sku] = left;
            }
            foreach (var (n, quantity) in plan.Lines[i]) left[n] -= quantity;
        }
        return remaining;
    }

    static string Day(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Why this plan: its nodes and score against the next best plan's.</summary>
    static TraceEntry Choice(DecisionContext context, AllocationPlan plan)
    {
        string Names(IEnumerable<int> nodes) => string.Join(" + ", nodes.Select(n => context.Nodes[n].Code.Value));
        var chosenNodes = plan.Lines.SelectMany(l => l).Select(p => p.Node).Distinct().Order().ToList();
        var chosen = Names(chosenNodes);
        var figures = new Dictionary<string, double> { ["routingScore"] = Math.Round(plan.Cost, 4) };
        if (plan.RunnerUp is not { } next)
        {
            return new TraceEntry(TraceSteps.Choice, null, null, null, $"{chosen} chosen: the only plan that fills anything", figures);
        }
        figures["nextBestScore"] = Math.Round(next.Cost, 4);
        var why = next.Filled < plan.Filled
            ? $"it fills {plan.Filled} units against {next.Filled}"
            : $"routing score {plan.Cost:0.##} against {next.Cost:0.##} (lower is better)";
        // The next best plan often adds a node to the chosen ones: say "over also shipping from X", not "over A + X".
        var extra = next.Nodes.Except(chosenNodes).ToList();
        var over = extra.Count > 0 && chosenNodes.All(next.Nodes.Contains) ? $"also shipping from {Names(extra)}" : Names(next.Nodes);
        return new TraceEntry(TraceSteps.Choice, null, null, null, $"{chosen} chosen over {over}: {why}", figures);
    }

    static string SplitText(SplitPolicy split, int shipments)
    {
        var policy = split.AllowSplit
            ? $"up to {split.MaxNodes} shipments allowed, {split.Penalty:0.##} penalty per extra one" + (split.AllowLineSplit ? "" : ", lines not split")
            : "no split allowed";
        var source = split.RuleId is null ? " (no split rule: default policy)" : $" (rule {split.RuleId}" + (split.PeakRuleId is null ? ")" : $", relaxed by peak rule {split.PeakRuleId})");
        return shipments switch
        {
            0 => $"nothing ships now; {policy}{source}",
            1 => $"ships in one shipment; {policy}{source}",
            _ => $"ships in {shipments} shipments; {policy}{source}",
        };
    }
}
