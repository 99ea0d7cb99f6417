using InventoryRules.Rules.Model;

namespace InventoryRules.Rules.Validation;

/// <summary>Names a rule refers to that master data must know: segments, nodes, items, categories, countries.</summary>
static class References
{
    public static IEnumerable<RuleProblem> Of(Rule rule, string at, RuleSetContext context)
    {
        var scope = rule.Scope;
        foreach (var p in Each(scope?.Skus, $"{at}/scope/skus", context.Skus, RuleProblemCodes.UnknownSku, "item")) yield return p;
        foreach (var p in Each(scope?.Nodes, $"{at}/scope/nodes", context.Nodes, RuleProblemCodes.UnknownNode, "node")) yield return p;
        foreach (var p in Each(scope?.Categories, $"{at}/scope/categories", context.Categories, RuleProblemCodes.UnknownCategory, "category")) yield return p;
        foreach (var p in Each(scope?.Countries, $"{at}/scope/countries", context.Countries, RuleProblemCodes.UnknownCountry, "country with nodes")) yield return p;
        switch (rule)
        {
            case HoldRule hold when !context.Segments.Contains(hold.ForSegment):
                yield return RuleSetValidator.Error($"{at}/forSegment", RuleProblemCodes.UnknownSegment, $"segment '{hold.ForSegment}' does not exist");
                break;
            case NodeEligibilityRule eligibility:
                foreach (var p in Each(eligibility.AllowedNodeCountries, $"{at}/allowedNodeCountries", context.Countries,
                    RuleProblemCodes.UnknownCountry, "country with nodes")) yield return p;
                break;
            case BackorderRule backorder:
                for (var s = 0; s < (backorder.Substitutions?.Count ?? 0); s++)
                {
                    var substitution = backorder.Substitutions![s];
                    foreach (var p in Each([substitution.For], $"{at}/substitutions/{s}/for", context.Skus, RuleProblemCodes.UnknownSku, "item", indexed: false)) yield return p;
                    foreach (var p in Each(substitution.Use, $"{at}/substitutions/{s}/use", context.Skus, RuleProblemCodes.UnknownSku, "item")) yield return p;
                }
                break;
        }
    }

    static IEnumerable<RuleProblem> Each(IReadOnlyList<string>? names, string at, IReadOnlySet<string> known, string code, string what, bool indexed = true)
    {
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            if (!known.Contains(names![i]))
            {
                yield return RuleSetValidator.Error(indexed ? $"{at}/{i}" : at, code, $"{what} '{names[i]}' does not exist");
            }
        }
    }
}
