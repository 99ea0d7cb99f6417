using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Stock;

/// <summary>Units to move between statuses after an inspection, and the rule that says so.</summary>
public sealed record Reclassification(string RuleId, string From, string To, long Units);

/// <summary>
/// On a quality inspection result, the first matching reclassification rule for that result says which
/// share of the inspected units moves from one status to another (sellable, damaged, quarantined). The
/// service turns the answer into status_change events, so the move is audited like any other.
/// </summary>
public static class Reclassifier
{
    public static Reclassification? Apply(CompiledRuleSet ruleSet, string inspectionResult, long inspectedUnits, Item item, Node node,
        StockFigures stock, DateTime localNow)
    {
        var inputs = StockInputs.For(item, node, stock, localNow);
        foreach (var rule in ruleSet.OfKind(RuleKinds.Reclassification))
        {
            var reclassification = (ReclassificationRule)rule.Rule;
            if (!string.Equals(reclassification.InspectionResult, inspectionResult, StringComparison.Ordinal)) continue;
            try
            {
                if (!rule.Matches(inputs)) continue;
            }
            catch (Exception e) when (ExpressionFailure.Is(e))
            {
                continue; // a condition that cannot be evaluated does not move stock
            }
            var units = (long)Math.Floor(Math.Max(0, inspectedUnits) * reclassification.Share + 1e-9);
            return new Reclassification(rule.Rule.Id, reclassification.From, reclassification.To, units);
        }
        return null;
    }
}
