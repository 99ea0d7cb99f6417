using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Decisions;

/// <summary>How an order may be split, after the split rule and any peak adjustment.</summary>
internal sealed record SplitPolicy(bool AllowSplit, int MaxNodes, double Penalty, bool AllowLineSplit, string? RuleId, string? PeakRuleId)
{
    /// <summary>Without a split rule: split into at most two parcels, at no penalty.</summary>
    public static SplitPolicy Default { get; } = new(true, 2, 0, true, null, null);

    public static SplitPolicy From(SplitRule? rule) =>
        rule is null ? Default : new(rule.AllowSplit, Math.Max(1, rule.MaxNodesPerOrder), rule.SplitPenalty, rule.AllowLineSplit, rule.Id, null);

    public SplitPolicy Adjusted(PeakState? peak)
    {
        if (peak is null) return this;
        var a = peak.Adjustments;
        if (a.AllowSplit is null && a.MaxNodesPerOrder is null && a.SplitPenaltyFactor is null) return this;
        return this with
        {
            AllowSplit = a.AllowSplit ?? AllowSplit,
            MaxNodes = Math.Max(1, a.MaxNodesPerOrder ?? MaxNodes),
            Penalty = Penalty * (a.SplitPenaltyFactor ?? 1),
            PeakRuleId = peak.RuleId,
        };
    }

    /// <summary>Most nodes one order may ship from.</summary>
    public int Nodes => AllowSplit ? MaxNodes : 1;
}
