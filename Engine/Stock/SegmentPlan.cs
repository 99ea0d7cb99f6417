using InventoryRules.Engine.Decisions;
using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Inputs;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// One segment's stock rules prepared for a run: scopes per item and node, z per service-level rule, the
/// peak rule in force per item, and the reorder expressions looked up once.
/// </summary>
internal sealed class SegmentPlan
{
    public SegmentPlan(SegmentRules rules, Node[] nodes, ItemInput[] items, double[] burnRateRatios, DateTime localNow)
    {
        Code = rules.Segment.Code;
        ServiceLevel = rules.Segment.ServiceLevel;
        var set = rules.RuleSet;
        WaivesSafetyStock = set.Document.Entitlements?.ConsumeSafetyStock ?? false;
        SafetyStock = new RuleScopes(set.OfKind(RuleKinds.SafetyStock), nodes, items);
        Holds = new RuleScopes(set.OfKind(RuleKinds.Hold), nodes, items);
        Reorders = new RuleScopes(set.OfKind(RuleKinds.Reorder), nodes, items);
        Levels = new double[SafetyStock.Count];
        Z = new double[SafetyStock.Count];
        for (var r = 0; r < SafetyStock.Count; r++)
        {
            var rule = (SafetyStockRule)SafetyStock.Rules[r].Rule;
            if (rule.Method != SafetyStockMath.ServiceLevel) continue;
            // The level and z SafetyStockMath uses, for display.
            Levels[r] = SafetyStockMath.Level(rule, ServiceLevel);
            Z[r] = SafetyStockMath.Z(Levels[r]);
        }
        ReorderPoint = [.. Reorders.Rules.Select(r => r.Numbers["reorderPoint"])];
        OrderUpTo = [.. Reorders.Rules.Select(r => r.Numbers.GetValueOrDefault("orderUpTo"))];
        Peaks = FindPeaks(set, items, burnRateRatios, localNow);
    }

    public string Code { get; }

    public double ServiceLevel { get; }

    public bool WaivesSafetyStock { get; }

    public RuleScopes SafetyStock { get; }

    public RuleScopes Holds { get; }

    public RuleScopes Reorders { get; }

    /// <summary>Per safety-stock rule: the service level and z it uses (0 for other methods).</summary>
    public double[] Levels { get; }

    public double[] Z { get; }

    public CompiledExpression<double>[] ReorderPoint { get; }

    public CompiledExpression<double>?[] OrderUpTo { get; }

    /// <summary>Per item: the adjustments of the peak rule in force, or null.</summary>
    public PeakAdjustments?[] Peaks { get; }

    /// <summary>
    /// The first peak rule whose threshold the item's burn rate ratio passes and whose item scope and
    /// condition match, read as decisions read it: before any node is chosen, with no node or position.
    /// </summary>
    static PeakAdjustments?[] FindPeaks(CompiledRuleSet set, ItemInput[] items, double[] ratios, DateTime localNow)
    {
        var peaks = new PeakAdjustments?[items.Length];
        var rules = set.OfKind(RuleKinds.Peak);
        if (rules.Length == 0) return peaks;
        var inputs = new RuleInputs { Context = ReevaluationPlan.Context(localNow) };
        for (var i = 0; i < items.Length; i++)
        {
            inputs.Item = items[i];
            inputs.Context.BurnRateRatio = ratios[i];
            foreach (var rule in rules)
            {
                var peak = (PeakRule)rule.Rule;
                if (ratios[i] < peak.BurnRateThreshold || !rule.Rule.Enabled || !rule.Scope.MatchesItem(items[i])) continue;
                bool holds;
                try
                {
                    holds = rule.ConditionHolds(inputs);
                }
                catch (Exception e) when (ExpressionFailure.Is(e))
                {
                    holds = false;
                }
                if (!holds) continue;
                peaks[i] = peak.Adjustments;
                break;
            }
        }
        return peaks;
    }
}
