using System.Text.Json.Nodes;
using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Model;

namespace InventoryRules.Rules.Validation;

/// <summary>
/// Everything wrong with a rule set document: first its shape (rules-schema.json), then what the schema
/// cannot see — expressions that do not parse, type-check or stay inside the allow-list, references to
/// segments, nodes, items and categories that do not exist, and rules that conflict or can never apply.
/// Pure: master data comes in a <see cref="RuleSetContext"/>.
/// </summary>
public static class RuleSetValidator
{
    public static IReadOnlyList<RuleProblem> Validate(JsonNode? json, RuleSetContext context)
    {
        var problems = new List<RuleProblem>(SchemaValidator.Validate(json));
        if (problems.Any(p => p.Severity == RuleProblemCodes.Error)) return problems;
        if (RuleSetJson.TryRead(json) is not { } document)
        {
            problems.Add(Error("", RuleProblemCodes.Unreadable, "the document cannot be read as a rule set"));
            return problems;
        }
        problems.AddRange(Check(document, context));
        return problems;
    }

    public static IEnumerable<RuleProblem> Check(RuleSetDocument document, RuleSetContext context)
    {
        if (!context.Segments.Contains(document.Segment))
        {
            yield return Error("/segment", RuleProblemCodes.UnknownSegment, $"segment '{document.Segment}' does not exist");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Rules.Count; i++)
        {
            var rule = document.Rules[i];
            var at = $"/rules/{i}";
            if (!ids.Add(rule.Id)) yield return Error($"{at}/id", RuleProblemCodes.DuplicateRuleId, $"another rule already has the id '{rule.Id}'");
            foreach (var slot in RuleExpressions.Of(rule, at))
            {
                foreach (var p in SafeExpressions.Check(slot.Text, RuleKinds.InputsOf(rule.Kind), slot.ResultType))
                {
                    yield return Error(slot.Pointer, p.Code, p.Message);
                }
            }
            foreach (var p in References.Of(rule, at, context)) yield return p;
            foreach (var p in Ranges(rule, at)) yield return p;
        }
        foreach (var p in Conflicts.Of(document.Rules)) yield return p;
    }

    static IEnumerable<RuleProblem> Ranges(Rule rule, string at)
    {
        if (rule is SafetyStockRule { Min: { } min, Max: { } max } && min > max)
        {
            yield return Error($"{at}/min", RuleProblemCodes.InvalidRange, $"min ({min}) is above max ({max}): no safety stock can satisfy both");
        }
        if (rule is ReclassificationRule r && r.From == r.To)
        {
            yield return Error($"{at}/to", RuleProblemCodes.InvalidRange, $"from and to are both '{r.To}': the rule would move nothing");
        }
    }

    internal static RuleProblem Error(string pointer, string code, string message) => new(pointer, code, message, RuleProblemCodes.Error);

    internal static RuleProblem Warning(string pointer, string code, string message) => new(pointer, code, message, RuleProblemCodes.Warning);
}
