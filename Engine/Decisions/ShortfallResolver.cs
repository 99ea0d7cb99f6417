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
    public sealed record Outcome(List<Allocation> Substitutions, long Backordered, long Rejected, DateTimeOffset? BackorderPromiseDate,
        IReadOnlyList<SupplyClaim>? Claims = null);

    /// <summary>
    /// Resolves <paramref name="shortBy"/> units of <paramref name="work"/>; substitutes draw on
    /// <paramref name="remaining"/> (units left per sku and node after the allocation) and prefer
    /// <paramref name="usedNodes"/>, so that a substitute rides in a parcel that already ships.
    /// </summary>
    public Outcome Resolve(LineWork work, long shortBy, Dictionary<string, long[]> remaining, HashSet<int> usedNodes)
    {
        var line = work.Line;
        Diagnose(work, remaining, usedNodes);
        var rule = FirstBackorderRule(work);
        var substitutions = new List<Allocation>();
        if (rule is null) return Backorder(work, shortBy, null, null, substitutions);
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
        return Backorder(work, left, rule.Id, backorder.MaxBackorderDays, substitutions);
    }

    /// <summary>
    /// Backorders what inbound supply can cover (within <paramref name="maxDays"/> when the rule sets a
    /// limit; the rest is refused) and counts on those lots, so later lines do not promise them again.
    /// Without a limit every unit is backordered, promised when supply covers it all.
    /// </summary>
    Outcome Backorder(LineWork work, long units, string? ruleId, int? maxDays, List<Allocation> substitutions)
    {
        var line = work.Line;
        var deadline = maxDays is { } days ? context.Now.AddDays(days) : (DateTimeOffset?)null;
        var cover = FutureSupply.Plan(context, facts, work.Candidates, line.Sku, units, deadline);
        var by = ruleId is null ? " (no backorder rule applies)" : $" under rule {ruleId}";
        if (maxDays is null)
        {
            var claims = FutureSupply.Claim(context, line.Sku, cover, units);
            var date = cover.Units >= units ? cover.PromiseDate : null;
            Trace(TraceSteps.Backordered, ruleId, line, $"{units} × {line.Sku} backordered{by}" + PromiseText(date));
            return new Outcome(substitutions, units, 0, date, claims);
        }
        if (cover.Units == 0)
        {
            Trace(TraceSteps.Rejected, ruleId, line, $"{units} × {line.Sku} refused: no inbound supply can be promised within {maxDays} days (rule {ruleId})");
            return new Outcome(substitutions, 0, units, null);
        }
        var taken = FutureSupply.Claim(context, line.Sku, cover, cover.Units);
        var refused = units - cover.Units;
        Trace(TraceSteps.Backordered, ruleId, line, $"{cover.Units} × {line.Sku} backordered{by}" + PromiseText(cover.PromiseDate)
            + (refused > 0 ? $"; {refused} refused: only {cover.Units} arrive within {maxDays} days" : ""));
        return new Outcome(substitutions, cover.Units, refused, cover.PromiseDate, taken);
    }

    /// <summary>Why a line came up short, where it is not plain lack of stock: no node may serve it, the split limit, stock kept back.</summary>
    void Diagnose(LineWork work, Dictionary<string, long[]> remaining, HashSet<int> usedNodes)
    {
        var line = work.Line;
        var candidates = work.Candidates;
        var nodes = context.Nodes;
        var anyEligible = false;
        var elsewhere = new List<string>();
        long elsewhereUnits = 0;
        var keptBack = new List<string>();
        remaining.TryGetValue(line.Sku, out var left);
        for (var n = 0; n < nodes.Length; n++)
        {
            ref readonly var c = ref candidates[n];
            if (!c.Eligible) continue;
            anyEligible = true;
            var free = left is null ? 0 : left[n];
            if (free > 0 && !usedNodes.Contains(n))
            {
                elsewhere.Add(nodes[n].Code.Value);
                elsewhereUnits += free;
            }
            if (c.Atp == 0 && context.Position(line.Sku, n) is { } p && p.OnHand - p.Committed > 0)
            {
                keptBack.Add($"{nodes[n].Code.Value} ({Math.Min(p.OnHand - p.Committed, c.SafetyStock)} safety stock, {c.HeldForOthers} held for others)");
            }
        }
        if (!anyEligible) Trace(TraceSteps.Shortfall, null, line, $"no node may serve {line.Sku} for this order (see the exclusions)");
        if (elsewhere.Count > 0 && usedNodes.Count >= split.Nodes)
        {
            Trace(TraceSteps.Shortfall, split.RuleId, line, $"{elsewhereUnits} more × {line.Sku} at {string.Join(", ", elsewhere)} could not be added: "
                + $"the order may ship from at most {split.Nodes} node{(split.Nodes == 1 ? "" : "s")}");
        }
        if (keptBack.Count > 0) Trace(TraceSteps.Shortfall, null, line, $"{line.Sku} on hand but kept back from this segment at {string.Join(", ", keptBack)}");
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
        date is { } d ? $", promised for {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} from inbound supply" : ", with no inbound supply to cover it yet";
}
