namespace InventoryRules.Engine.Decisions;

/// <summary>One competing demand in an allocation run, with the rules of its segment.</summary>
public sealed record Demand(DecisionRequest Request, RuleBook Rules);

/// <summary>The outcome of an allocation run: demands in the order they were served, each with its decision.</summary>
public sealed record AllocationRunResult(IReadOnlyList<RankedDemand> Ranking, DecisionTotals Totals, IReadOnlyList<string> Explanation);

/// <summary>
/// A demand's place in the ranking: the allocation_priority rule that scored it, its score and tie-break
/// values, and what it got.
/// </summary>
public sealed record RankedDemand(int Rank, string OrderId, string Segment, string? PriorityRuleId, double Score,
    IReadOnlyList<double> TieBreaks, Decision Decision);
