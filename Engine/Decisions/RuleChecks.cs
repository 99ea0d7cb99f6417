using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Inputs;

namespace InventoryRules.Engine.Decisions;

/// <summary>
/// Rule matching for decisions taken without a node (split, backorder, priority, peak): the item part of
/// the scope plus the condition. A condition that fails to evaluate counts as not holding, and says so.
/// </summary>
internal static class RuleChecks
{
    public static bool MatchesWithoutNode(CompiledRule rule, RuleInputs inputs, List<TraceEntry> trace, string? lineId)
    {
        if (!rule.Rule.Enabled || !rule.Scope.MatchesItem(inputs.Item)) return false;
        return Holds(rule, inputs, trace, lineId, null);
    }

    public static bool Holds(CompiledRule rule, RuleInputs inputs, List<TraceEntry> trace, string? lineId, string? node)
    {
        try
        {
            return rule.ConditionHolds(inputs);
        }
        catch (Exception e) when (ExpressionFailure.Is(e))
        {
            trace.Add(new TraceEntry(TraceSteps.RuleFailed, rule.Rule.Id, lineId, node,
                $"rule {rule.Rule.Id} could not be evaluated ({e.Message}); it was skipped"));
            return false;
        }
    }

    /// <summary>A numeric expression of the rule, or <paramref name="fallback"/> (traced) when it fails.</summary>
    public static double Number(CompiledRule rule, string path, RuleInputs inputs, double fallback, List<TraceEntry> trace, string? lineId)
    {
        if (!rule.Numbers.TryGetValue(path, out var expression)) return fallback;
        if (expression.TryEvaluate(inputs, out var value, out var problem) && double.IsFinite(value)) return value;
        trace.Add(new TraceEntry(TraceSteps.RuleFailed, rule.Rule.Id, lineId, null,
            $"{path} of rule {rule.Rule.Id} could not be evaluated ({problem?.Message ?? "not a finite number"}); {fallback} was used"));
        return fallback;
    }
}
