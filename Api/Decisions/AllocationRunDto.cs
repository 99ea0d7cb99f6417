using System.Text.Json.Serialization;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// The answer to <c>POST /v1/allocations/run</c>: the demands in the order they were served, who got what
/// and why. With <c>reserve</c>, each served demand also carries the answer of sourcing it as an order.
/// </summary>
public sealed record AllocationRunDto(string DecisionId, IReadOnlyList<AllocationRunDto.Ranked> Ranking, TotalsAnswer Totals,
    IReadOnlyList<string> Explanation)
{
    public sealed record Ranked(
        int Rank,
        string OrderId,
        string Segment,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PriorityRuleId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Score,
        IReadOnlyList<double?> TieBreaks,
        RuleSetRef RuleSet,
        IReadOnlyList<LineAnswer> Lines,
        TotalsAnswer Totals,
        IReadOnlyList<string> Explanation,
        Reservation? Reserved);

    /// <summary>What sourcing the demand as an order did: its decision, or why it reserved nothing.</summary>
    public sealed record Reservation(string Status, SourceAnswer? Answer);

    public static AllocationRunDto From(string decisionId, AllocationRunResult run, IReadOnlyDictionary<string, Reservation> reserved) =>
        new(decisionId, [.. run.Ranking.Select(r => new Ranked(r.Rank, r.OrderId, r.Segment, r.PriorityRuleId, Finite(r.Score),
                [.. r.TieBreaks.Select(Finite)], new RuleSetRef(r.Decision.RuleSetId, r.Decision.Segment, r.Decision.RuleSetVersion),
                LineAnswer.For(r.Decision, []), TotalsAnswer.From(r.Decision.Totals), r.Decision.Explanation,
                reserved.GetValueOrDefault(r.OrderId)))],
            TotalsAnswer.From(run.Totals), run.Explanation);

    static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
