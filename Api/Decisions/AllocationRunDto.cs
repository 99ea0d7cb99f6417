using System.Text.Json.Serialization;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// The answer to <c>POST /v1/allocations/run</c>: the demands in the order they were served, who got what
/// and why. With <c>reserve</c>, each served demand also carries the answer of sourcing it as an order.
/// </summary>
public sealed record AllocationRunDto(string DecisionId, IReadOnlyList<AllocationRunDto.RankedDemandAnswer> Ranking, TotalsAnswer Totals,
    IReadOnlyList<string> Explanation)
{
    public sealed record RankedDemandAnswer(
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
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DemandReservationAnswer? Reserved);

    /// <summary>
    /// What sourcing the demand as an order did: its decision, or why it reserved nothing. <see cref="Message"/>
    /// says it in words when the demand got less than its ranking entry suggests (a replay, a conflict).
    /// </summary>
    public sealed record DemandReservationAnswer(
        string Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] SourceAnswer? Answer,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Message)
    {
        public const string Created = "created";

        /// <summary>The order id was decided before with the same request: the stored decision, nothing new reserved.</summary>
        public const string Replayed = "replayed";
        public const string NotServed = "not_served";
    }

    public static AllocationRunDto From(string decisionId, AllocationRunResult run, IReadOnlyDictionary<string, DemandReservationAnswer> reserved) =>
        new(decisionId, [.. run.Ranking.Select(r => new RankedDemandAnswer(r.Rank, r.OrderId, r.Segment, r.PriorityRuleId, Finite(r.Score),
                [.. r.TieBreaks.Select(Finite)], new RuleSetRef(r.Decision.RuleSetId, r.Decision.Segment, r.Decision.RuleSetVersion),
                LineAnswer.For(r.Decision, []), TotalsAnswer.From(r.Decision.Totals),
                [.. r.Decision.Explanation, .. Note(r, reserved)], reserved.GetValueOrDefault(r.OrderId)))],
            TotalsAnswer.From(run.Totals), WithNotes(run, reserved));

    /// <summary>The reservation's message for a demand, worded as a line of the explanation.</summary>
    static IEnumerable<string> Note(RankedDemand r, IReadOnlyDictionary<string, DemandReservationAnswer> reserved) =>
        reserved.GetValueOrDefault(r.OrderId)?.Message is { } message && reserved[r.OrderId].Status != DemandReservationAnswer.NotServed
            ? [$"#{r.Rank} {r.OrderId}: {message}"]
            : [];

    /// <summary>
    /// The run's explanation with each note right after the engine's line for that rank ("#2 …; got 1 of 1
    /// units"), which alone would read as a grant; a note whose line is not found goes last.
    /// </summary>
    static IReadOnlyList<string> WithNotes(AllocationRunResult run, IReadOnlyDictionary<string, DemandReservationAnswer> reserved)
    {
        var notes = run.Ranking.SelectMany(r => Note(r, reserved).Select(n => (Prefix: $"#{r.Rank} {r.OrderId} ", Note: n))).ToList();
        if (notes.Count == 0) return run.Explanation;
        var lines = new List<string>(run.Explanation.Count + notes.Count);
        foreach (var line in run.Explanation)
        {
            lines.Add(line);
            foreach (var n in notes.Where(n => line.StartsWith(n.Prefix, StringComparison.Ordinal)).ToList())
            {
                lines.Add(n.Note);
                notes.Remove(n);
            }
        }
        lines.AddRange(notes.Select(n => n.Note));
        return lines;
    }

    static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
