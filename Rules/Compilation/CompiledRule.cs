using System.Collections.Frozen;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Inputs;
using InventoryRules.Rules.Model;

namespace InventoryRules.Rules.Compilation;

/// <summary>
/// One rule with its expressions compiled to delegates. Immutable and thread-safe: evaluation reads the
/// inputs it is given and nothing else.
/// </summary>
public sealed class CompiledRule
{
    readonly CompiledExpression<bool>? condition;

    internal CompiledRule(Rule rule, int index, CompiledExpression<bool>? condition, CompiledExpression<bool>? eligible,
        FrozenDictionary<string, CompiledExpression<double>> numbers)
    {
        Rule = rule;
        Index = index;
        this.condition = condition;
        Eligible = eligible;
        Numbers = numbers;
        Scope = new ScopeMatcher(rule.Scope);
    }

    public Rule Rule { get; }

    /// <summary>Position in the document: the JSON pointer is /rules/{Index}.</summary>
    public int Index { get; }

    public ScopeMatcher Scope { get; }

    public CompiledExpression<bool>? Eligible { get; }

    /// <summary>Numeric expressions by their path inside the rule: "score", "tieBreaks/0/expression", "reorderPoint", "orderUpTo".</summary>
    public FrozenDictionary<string, CompiledExpression<double>> Numbers { get; }

    public bool Matches(RuleInputs inputs) => Rule.Enabled && Scope.Matches(inputs) && ConditionHolds(inputs);

    public bool ConditionHolds(RuleInputs inputs) => condition is null || condition.Evaluate(inputs);

    public double Number(string path, RuleInputs inputs) => Numbers[path].Evaluate(inputs);

    /// <summary>Every checked expression tree with its path inside the rule, in the order the rule declares them.</summary>
    internal IEnumerable<(string Path, System.Linq.Expressions.LambdaExpression Tree)> Trees()
    {
        if (condition is not null) yield return ("condition", condition.Tree);
        if (Eligible is not null) yield return ("eligible", Eligible.Tree);
        foreach (var (path, number) in Numbers.OrderBy(n => n.Key, StringComparer.Ordinal)) yield return (path, number.Tree);
    }
}
