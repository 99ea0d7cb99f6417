using InventoryRules.Engine.Decisions;
using InventoryRules.Rules.Background;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// An order's allocation priority, as allocation runs (AllocationRunner) and the background packs rank it: the order as a whole
/// (line = every line summed), the first allocation_priority rule of its segment whose item scope and
/// condition match, its score and tie-breaks through the compiled delegates; a failing expression counts 0.
/// The background packs rank backorders and reservations with it.
/// </summary>
public static class PriorityScorer
{
    /// <param name="snapshot">Needs the order's items and <see cref="DecisionSnapshot.Now"/>; positions are not read.</param>
    public static AllocationPriority Score(DecisionRequest order, DecisionSnapshot snapshot, RuleBook rules)
    {
        var context = new DecisionContext(order, snapshot, rules);
        var first = order.Lines.Select(l => context.Item(l.Sku)).FirstOrDefault(i => i is not null);
        if (first is null) return AllocationPriority.None;
        // The order is scored as a whole: "line" is every line together (its quantity, value and margin summed).
        var whole = new OrderLine("*", first.Sku.Value, order.Lines.Sum(l => l.Quantity));
        context.FillLine(whole, first, false, context.BurnRateRatio(first.Sku.Value));
        context.Inputs.Line.Value = order.Lines.Sum(l => (context.Item(l.Sku)?.UnitPrice ?? 0) * l.Quantity);
        context.Inputs.Line.Margin = order.Lines.Sum(l => context.Item(l.Sku) is { } i ? (i.UnitPrice - i.UnitCost) * l.Quantity : 0);
        foreach (var rule in rules.RuleSet.OfKind(RuleKinds.AllocationPriority))
        {
            if (!RuleChecks.MatchesWithoutNode(rule, context.Inputs, context.Trace, null)) continue;
            var priority = (AllocationPriorityRule)rule.Rule;
            var tieBreaks = priority.TieBreaks ?? [];
            return new AllocationPriority(priority.Id, RuleChecks.Number(rule, "score", context.Inputs, 0, context.Trace, null),
                [.. tieBreaks.Select((_, i) => RuleChecks.Number(rule, $"tieBreaks/{i}/expression", context.Inputs, 0, context.Trace, null))],
                [.. tieBreaks.Select(t => t.Descending)]);
        }
        return AllocationPriority.None;
    }
}
