using System.Text.Json.Serialization;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Model;

/// <summary>Whether an order may ship from several nodes, how many, and what each extra shipment costs.</summary>
public sealed record SplitRule : Rule
{
    [JsonIgnore]
    public override string Kind => RuleKinds.Split;

    public bool AllowSplit { get; init; } = true;
    public int MaxNodesPerOrder { get; init; } = 2;
    /// <summary>Added to the cost for every shipment beyond the first.</summary>
    public double SplitPenalty { get; init; }
    public bool AllowLineSplit { get; init; } = true;
}
