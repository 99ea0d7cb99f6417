using System.Text.Json.Nodes;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Tests.Schema;

/// <summary>The expressions of sample rules and schema examples, checked by the production gate (<see cref="SafeExpressions"/>).</summary>
internal static class PlannerExpressions
{
    /// <summary>Why the expression is refused for a rule of <paramref name="kind"/>, or null when it is accepted.</summary>
    public static string? Problem(string kind, string text, bool boolean) =>
        SafeExpressions.Check(text, RuleKinds.InputsOf(kind), boolean ? typeof(bool) : typeof(double)) is [var p, ..]
            ? $"'{text}': {p.Code} {p.Message}"
            : null;

    /// <summary>The expressions of one rule as JSON: (property path, text, whether it is a condition).</summary>
    public static IEnumerable<(string Path, string Text, bool Boolean)> Of(JsonNode rule)
    {
        foreach (var name in new[] { "condition", "eligible" })
            if (rule[name] is { } v) yield return (name, (string)v!, true);
        foreach (var name in new[] { "score", "reorderPoint", "orderUpTo" })
            if (rule[name] is { } v) yield return (name, (string)v!, false);
        var i = 0;
        foreach (var tie in rule["tieBreaks"]?.AsArray() ?? [])
            yield return ($"tieBreaks[{i++}].expression", (string)tie!["expression"]!, false);
    }
}
