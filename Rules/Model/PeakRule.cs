using System.Text.Json.Serialization;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Model;

/// <summary>While an item's burn rate runs above the threshold (times its usual), tighten or relax other rules.</summary>
public sealed record PeakRule : Rule
{
    [JsonIgnore]
    public override string Kind => RuleKinds.Peak;

    public double BurnRateThreshold { get; init; } = 2;
    public PeakAdjustments Adjustments { get; init; } = new();
}

/// <summary>Factors and overrides applied during a peak; left out means unchanged.</summary>
public sealed record PeakAdjustments
{
    public double? SafetyStockFactor { get; init; }
    public double? HoldShareFactor { get; init; }
    public int? MaxNodesPerOrder { get; init; }
    public double? SplitPenaltyFactor { get; init; }
    public bool? AllowSplit { get; init; }
}
