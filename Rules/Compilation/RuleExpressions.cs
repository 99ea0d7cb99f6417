using InventoryRules.Rules.Model;

namespace InventoryRules.Rules.Compilation;

/// <summary>Every expression a rule carries, where it sits (JSON pointer) and what it must yield.</summary>
public static class RuleExpressions
{
    public sealed record Slot(string Pointer, string Text, Type ResultType);

    public static IEnumerable<Slot> Of(Rule rule, string at)
    {
        if (rule.Condition is { } condition) yield return new($"{at}/condition", condition, typeof(bool));
        switch (rule)
        {
            case AllocationPriorityRule p:
                yield return new($"{at}/score", p.Score, typeof(double));
                for (var i = 0; i < (p.TieBreaks?.Count ?? 0); i++)
                {
                    yield return new($"{at}/tieBreaks/{i}/expression", p.TieBreaks![i].Expression, typeof(double));
                }
                break;
            case NodeEligibilityRule { Eligible: { } eligible }:
                yield return new($"{at}/eligible", eligible, typeof(bool));
                break;
            case RoutingRule { Score: { } score }:
                yield return new($"{at}/score", score, typeof(double));
                break;
            case ReorderRule r:
                yield return new($"{at}/reorderPoint", r.ReorderPoint, typeof(double));
                if (r.OrderUpTo is { } upTo) yield return new($"{at}/orderUpTo", upTo, typeof(double));
                break;
        }
    }
}
