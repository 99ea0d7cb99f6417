namespace InventoryRules.Rules.Background;

/// <summary>
/// How an order ranks for scarce stock under its segment's allocation_priority rule, computed with the
/// compiled delegates decisions use (never at match time): score, tie-break values with their direction,
/// and the rule that gave them (null when none applied: score 0).
/// </summary>
public sealed record AllocationPriority(string? RuleId, double Score, IReadOnlyList<double> TieBreaks, IReadOnlyList<bool> Descending)
{
    public static readonly AllocationPriority None = new(null, 0, [], []);

    /// <summary>
    /// Negative when <paramref name="a"/> is served before <paramref name="b"/>: higher score, then the
    /// tie-breaks in order, then the earlier arrival (AllocationRunner's order), then the ids, so that a
    /// run never depends on the order facts were inserted in.
    /// </summary>
    public static int Compare(AllocationPriority a, DateTimeOffset aArrived, string aId, AllocationPriority b, DateTimeOffset bArrived, string bId)
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0) return byScore;
        for (var i = 0; i < Math.Min(a.TieBreaks.Count, b.TieBreaks.Count); i++)
        {
            var order = a.TieBreaks[i].CompareTo(b.TieBreaks[i]);
            if (order != 0) return a.Descending[i] ? -order : order;
        }
        var byArrival = aArrived.CompareTo(bArrived);
        return byArrival != 0 ? byArrival : string.CompareOrdinal(aId, bId);
    }
}
