using System.Globalization;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Model;

namespace InventoryRules.Rules.Validation;

/// <summary>
/// Rules that fight each other or can never apply: holds claiming more than all the stock, priorities
/// whose ties are left to chance, and rules hidden behind an earlier rule of the same kind that always
/// matches (for kinds where the first matching rule decides).
/// </summary>
static class Conflicts
{
    /// <summary>Kinds where the first enabled rule whose scope and condition match decides; the others add up.</summary>
    public static readonly IReadOnlySet<string> FirstMatchKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        RuleKinds.SafetyStock, RuleKinds.AllocationPriority, RuleKinds.Routing, RuleKinds.Split, RuleKinds.Backorder,
        RuleKinds.CrossDock, RuleKinds.Reclassification, RuleKinds.Reorder, RuleKinds.Peak,
    };

    public static IEnumerable<RuleProblem> Of(IReadOnlyList<Rule> rules)
    {
        var enabled = rules.Select((rule, index) => (Rule: rule, Index: index)).Where(r => r.Rule.Enabled).ToList();
        foreach (var p in Holds(enabled)) yield return p;
        foreach (var (rule, index) in enabled.Where(r => r.Rule is AllocationPriorityRule { TieBreaks: null or { Count: 0 } }))
        {
            yield return RuleSetValidator.Warning($"/rules/{index}/tieBreaks", RuleProblemCodes.PriorityTieUnbroken,
                $"'{rule.Id}' has no tie-break: demands with equal scores are served in order-id order; add one (e.g. requested date) to say which comes first");
        }
        foreach (var (later, laterIndex) in enabled.Where(r => FirstMatchKinds.Contains(r.Rule.Kind)))
        {
            var shadow = enabled.FirstOrDefault(r => r.Index < laterIndex && r.Rule.Kind == later.Kind && r.Rule.Condition is null
                && Covers(r.Rule.Scope, later.Scope) && SameTrigger(r.Rule, later));
            if (shadow.Rule is not null)
            {
                yield return RuleSetValidator.Warning($"/rules/{laterIndex}", RuleProblemCodes.RuleShadowed,
                    $"'{later.Id}' can never apply: '{shadow.Rule.Id}' comes earlier, always matches and covers its scope; move it up or narrow the earlier rule");
            }
        }
    }

    static IEnumerable<RuleProblem> Holds(List<(Rule Rule, int Index)> enabled)
    {
        var holds = enabled.Where(r => r.Rule is HoldRule { Share: not null }).ToList();
        foreach (var (rule, index) in holds)
        {
            var overlapping = holds.Where(o => Overlap(o.Rule.Scope, rule.Scope)).ToList();
            var total = overlapping.Sum(o => ((HoldRule)o.Rule).Share!.Value);
            if (total <= 1.0 + 1e-9 || overlapping.Count < 2) continue;
            var always = overlapping.All(o => o.Rule.Condition is null);
            var parts = string.Join(", ", overlapping.Select(o => $"'{o.Rule.Id}' {((HoldRule)o.Rule).Share!.Value.ToString("P0", CultureInfo.InvariantCulture)}"));
            var message = $"holds on the same stock claim {total.ToString("P0", CultureInfo.InvariantCulture)} of it ({parts})"
                + (always ? "" : " when their conditions hold together");
            yield return always
                ? RuleSetValidator.Error($"/rules/{index}/share", RuleProblemCodes.HoldsExceedStock, message)
                : RuleSetValidator.Warning($"/rules/{index}/share", RuleProblemCodes.HoldsExceedStock, message);
        }
    }

    /// <summary>
    /// Reclassification rules are chosen per inspection result first (Engine's Reclassifier), so one only hides
    /// another of the same result; every other first-match kind competes for every decision.
    /// </summary>
    static bool SameTrigger(Rule earlier, Rule later) =>
        earlier is not ReclassificationRule a || later is not ReclassificationRule b
        || string.Equals(a.InspectionResult, b.InspectionResult, StringComparison.Ordinal);

    /// <summary>True when every place <paramref name="inner"/> applies, <paramref name="outer"/> applies too.</summary>
    static bool Covers(RuleScope? outer, RuleScope? inner) =>
        outer is null
        || (Covers(outer.Skus, inner?.Skus) && Covers(outer.Categories, inner?.Categories) && Covers(outer.VelocityClasses, inner?.VelocityClasses)
            && Covers(outer.Nodes, inner?.Nodes) && Covers(outer.NodeTypes, inner?.NodeTypes) && Covers(outer.Countries, inner?.Countries));

    static bool Covers(IReadOnlyList<string>? outer, IReadOnlyList<string>? inner) =>
        outer is null || (inner is not null && inner.All(outer.Contains));

    /// <summary>False only when some dimension is limited by both scopes to disjoint lists.</summary>
    static bool Overlap(RuleScope? a, RuleScope? b) =>
        a is null || b is null
        || (Overlap(a.Skus, b.Skus) && Overlap(a.Categories, b.Categories) && Overlap(a.VelocityClasses, b.VelocityClasses)
            && Overlap(a.Nodes, b.Nodes) && Overlap(a.NodeTypes, b.NodeTypes) && Overlap(a.Countries, b.Countries));

    static bool Overlap(IReadOnlyList<string>? a, IReadOnlyList<string>? b) => a is null || b is null || a.Intersect(b).Any();
}
