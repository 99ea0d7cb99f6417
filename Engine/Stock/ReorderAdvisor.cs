using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Stock;

/// <summary>Whether a position should be reordered, how much, and under which rule.</summary>
public sealed record ReorderSignal(string RuleId, bool Triggered, double ReorderPoint, double OrderUpTo, long Available, long Quantity, string Reason);

/// <summary>
/// Reorder triggers for (perishable) stock: the first matching reorder rule's reorder point, lowered in
/// proportion to the shelf life the stock has left (factor 1: fully; 0: not at all); stock whose lots are
/// below the minimum remaining shelf life counts as nothing. Reorder when available (+ inbound) is at or
/// below the point, up to the order-up-to level (twice the point without one). Background re-evaluation
/// (issue 6) runs it over every position; here it is a pure function.
/// </summary>
public static class ReorderAdvisor
{
    public static ReorderSignal? Evaluate(CompiledRuleSet ruleSet, Item item, Node node, StockFigures stock, DateTime localNow)
    {
        var inputs = StockInputs.For(item, node, stock, localNow);
        foreach (var rule in ruleSet.OfKind(RuleKinds.Reorder))
        {
            if (!rule.Rule.Enabled || !rule.Scope.Matches(inputs)) continue;
            try
            {
                if (!rule.ConditionHolds(inputs)) continue;
                var reorder = (ReorderRule)rule.Rule;
                var point = rule.Number("reorderPoint", inputs);
                var upTo = rule.Numbers.ContainsKey("orderUpTo") ? rule.Number("orderUpTo", inputs) : point * 2;
                return Signal(reorder, item, stock, inputs.Position.Available, point, upTo);
            }
            catch (Exception e) when (ExpressionFailure.Is(e))
            {
                return new ReorderSignal(rule.Rule.Id, false, 0, 0, inputs.Position.Available, 0, $"rule {rule.Rule.Id} could not be evaluated: {e.Message}");
            }
        }
        return null;
    }

    static ReorderSignal Signal(ReorderRule rule, Item item, StockFigures stock, long available, double point, double upTo)
    {
        var shelfLife = item.ShelfLifeDays ?? 0;
        var tooOld = item.Perishable && stock.RemainingShelfLifeDays < rule.MinRemainingShelfLifeDays;
        if (tooOld) available = 0;
        if (item.Perishable && shelfLife > 0)
        {
            var left = Math.Clamp((double)stock.RemainingShelfLifeDays / shelfLife, 0, 1);
            point *= 1 - rule.ShelfLifeFactor + rule.ShelfLifeFactor * left;
        }
        var position = available + stock.InTransit;
        var triggered = position <= point;
        var quantity = triggered ? Math.Max(0, (long)Math.Ceiling(upTo - position)) : 0;
        var reason = tooOld
            ? $"lots have {stock.RemainingShelfLifeDays} days of shelf life left, under the minimum {rule.MinRemainingShelfLifeDays}: counted as nothing"
            : triggered ? $"available {available} + inbound {stock.InTransit} is at or below the reorder point {point:0.#}"
            : $"available {available} + inbound {stock.InTransit} is above the reorder point {point:0.#}";
        return new ReorderSignal(rule.Id, triggered, point, upTo, available, quantity, reason);
    }
}
