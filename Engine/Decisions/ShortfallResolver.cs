using System.Globalization;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Decisions;

/// <summary>
/// What happens to the units of a line the allocation could not fill, as the first matching backorder
/// rule says: substitute items in the rule's order, backorder (only if supply arrives within the rule's
/// limit), or reject. Without a backorder rule the units are backordered.
/// </summary>
internal sealed class ShortfallResolver(DecisionContext context, NodeFacts facts, CandidateEvaluator evaluator, SplitPolicy split)
{
    public sealed record Outcome(List<Allocation> Substitutions, long Backordered, long Rejected, DateTimeOffset? BackorderPromiseDate);

    /// <summary>
    /// Resolves <paramref name="shortBy"/> units of <paramref name="work"/>; substitutes draw on
    /// <paramref name="remaining"/> (units left per sku and node after the allocation) and prefer
    /// <paramref name="usedNodes"/>, so that a substitute rides in a parcel that already ships.
    /// </summary>
    public Outcome Resolve(LineWork work, long shortBy, Dictionary<string, long[]> remaining, HashSet<int> usedNodes)
    {
        var line = work.Line;
        var rule = FirstBackorderRule(work);
        var substitutions = new List<Allocation>();
        if (rule is null)
        {
            var date = FutureSupply.EarliestCovering(context, facts, work.Candidates, line.Sku, shortBy);
            Trace(TraceSteps.Backordered, null, line, $"{shortBy} × {line.Sku} backordered (no backorder rule applies)" + PromiseText(date));
            return new Outcome(substitutions, shortBy, 0, date);
        }
        var backorder = (BackorderRule)rule;
        if (backorder.Action == "reject")
        {
            Trace(TraceSteps.Rejected, rule.Id, line, $"{shortBy} × {line.Sku} refused: rule {rule.Id} rejects what cannot be promised");
            return new Outcome(substitutions, 0, shortBy, null);
        }
        var left = shortBy;
        if (backorder.Action == "substitute")
        {
            foreach (var substitute in backorder.Substitutions?.Where(s => s.For == line.Sku).SelectMany(s => s.Use) ?? [])
            {
                if (left == 0) break;
                left -= Substitute(work, substitute, left, rule.Id, remaining, usedNodes, substitutions);
            }
            if (left == 0) return new Outcome(substitutions, 0, 0, null);
        }
        var promise = FutureSupply.EarliestCovering(context, facts, work.Candidates, line.Sku, left);
        if (backorder.MaxBackorderDays is { } days && (promise is null || promise > context.Now.AddDays(days)))
        {
            Trace(TraceSteps.Rejected, rule.Id, line, $"{left} × {line.Sku} refused: no supply can be promised within {days} days (rule {rule.Id})");
            return new Outcome(substitutions, 0, left, null);
        }
        Trace(TraceSteps.Backordered, rule.Id, line, $"{left} × {line.Sku} backordered under rule {rule.Id}" + PromiseText(promise));
        return new Outcome(substitutions, left, 0, promise);
    }

    Rule? FirstBackorderRule(LineWork work)
    {
        context.FillLine(work.Line, work.Item, context.Inputs.Context.Peak, context.BurnRateRatio(work.Item.Sku.Value));
        foreach (var rule in context.Rules.RuleSet.OfKind(RuleKinds.Backorder))
        {
            if (RuleChecks.MatchesWithoutNode(rule, context.Inputs, context.Trace, work.Line.LineId)) return rule.Rule;
        }
        return null;
    }

    long Substitute(LineWork work, string sku, long wanted, string ruleId, Dictionary<string, long[]> remaining, HashSet<int> usedNodes,
        List<Allocation> substitutions)
    {
        if (context.Item(sku) is not { } item)
        {
            Trace(TraceSteps.Substituted, ruleId, work.Line, $"substitute {sku} is not in the catalogue; skipped");
            return 0;
        }
        var candidates = evaluator.Evaluate(work.Line with { Sku = sku, Quantity = wanted }, item, trace: false);
        if (!remaining.TryGetValue(sku, out var left))
        {
            left = [.. candidates.Select(c => c.Eligible ? c.Atp : 0)];
            remaining[sku] = left;
        }
        long taken = 0;
        var blockedBySplit = false;
        // Nodes already shipping this order first, then the cheapest; a new node only while the split policy allows one.
        var order = Enumerable.Range(0, candidates.Length)
            .Where(n => candidates[n].Eligible && left[n] > 0)
            .OrderBy(n => usedNodes.Contains(n) ? 0 : 1)
            .ThenBy(n => candidates[n].Fixed + candidates[n].UnitCost * wanted + candidates[n].LineTerm)
            .ThenBy(n => n);
        foreach (var n in order)
        {
            if (taken == wanted) break;
            if (!usedNodes.Contains(n) && usedNodes.Count >= split.Nodes)
            {
                blockedBySplit = true;
                continue;
            }
            var take = Math.Min(wanted - taken, left[n]);
            left[n] -= take;
            taken += take;
            usedNodes.Add(n);
            var c = candidates[n];
            var code = context.Nodes[n].Code.Value;
            substitutions.Add(new Allocation(sku, code, take, c.Promise, c.Floor));
            context.Trace.Add(new TraceEntry(TraceSteps.Substituted, ruleId, work.Line.LineId, code,
                $"{take} × {sku} from {code} instead of {work.Line.Sku} (rule {ruleId})",
                new Dictionary<string, double> { ["available"] = c.Atp, ["floor"] = c.Floor }));
        }
        if (taken == 0)
        {
            Trace(TraceSteps.Substituted, ruleId, work.Line, blockedBySplit
                ? $"substitute {sku} is available only at nodes the order may not add (split limit of {split.Nodes})"
                : $"substitute {sku} has nothing available to promise");
        }
        return taken;
    }

    void Trace(string step, string? ruleId, OrderLine line, string message) =>
        context.Trace.Add(new TraceEntry(step, ruleId, line.LineId, null, message));

    static string PromiseText(DateTimeOffset? date) =>
        date is { } d ? $", promised for {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} from inbound supply" : ", with no inbound supply in sight";
}
