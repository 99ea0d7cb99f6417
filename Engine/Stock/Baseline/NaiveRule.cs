using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Engine.Stock.Baseline;

/// <summary>One stock rule of one segment, as a fact: the straightforward way, matched against every position.</summary>
public sealed class NaiveRule(string segment, CompiledRule rule)
{
    public string Segment { get; } = segment;
    public CompiledRule Compiled { get; } = rule;
    public string Kind => Compiled.Rule.Kind;
    public int Index => Compiled.Index;

    /// <summary>Scope only (holds report a figure wherever their scope reaches).</summary>
    public bool InScope(NaivePosition p) => Compiled.Rule.Enabled && Compiled.Scope.Matches(p.Inputs);

    /// <summary>Scope and condition; a condition that fails counts as not holding.</summary>
    public bool Applies(NaivePosition p)
    {
        if (!InScope(p)) return false;
        try
        {
            return Compiled.ConditionHolds(p.Inputs);
        }
        catch (Exception e) when (ExpressionFailure.Is(e))
        {
            return false;
        }
    }
}
