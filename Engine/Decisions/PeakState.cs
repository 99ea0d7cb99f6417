using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Decisions;

/// <summary>A peak rule in force for an item: its burn rate is above the rule's threshold.</summary>
internal sealed record PeakState(string RuleId, double Ratio, PeakAdjustments Adjustments)
{
    /// <summary>The first peak rule of <paramref name="ruleSet"/> whose scope and condition match and whose threshold is passed.</summary>
    public static PeakState? Find(CompiledRuleSet ruleSet, DecisionContext context, double ratio, string? lineId)
    {
        foreach (var rule in ruleSet.OfKind(RuleKinds.Peak))
        {
            var peak = (PeakRule)rule.Rule;
            if (ratio < peak.BurnRateThreshold) continue;
            if (RuleChecks.MatchesWithoutNode(rule, context.Inputs, context.Trace, lineId)) return new PeakState(peak.Id, ratio, peak.Adjustments);
        }
        return null;
    }
}
