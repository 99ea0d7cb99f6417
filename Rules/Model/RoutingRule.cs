using System.Text.Json.Serialization;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Model;

/// <summary>Scores candidate nodes: a weighted sum (lower is better) plus an optional custom expression.</summary>
public sealed record RoutingRule : Rule
{
    [JsonIgnore]
    public override string Kind => RuleKinds.Routing;

    public RoutingWeights Weights { get; init; } = new();
    /// <summary>A numeric expression added to the node's cost, e.g. <c>node.Type == "store" ? 2 : 0</c>.</summary>
    public string? Score { get; init; }
}

/// <summary>Weights of the routing cost terms; each term is per node and line.</summary>
public sealed record RoutingWeights
{
    public double TransitDays { get; init; } = 1;
    public double DistanceKm { get; init; }
    public double Cost { get; init; } = 1;
    /// <summary>Rewards nodes with deep stock (subtracted per day of supply).</summary>
    public double InventoryDepth { get; init; }
    /// <summary>Rewards nodes with capacity left today.</summary>
    public double CapacityLeft { get; init; }
    /// <summary>Added when the node misses today's carrier cut-off.</summary>
    public double CutoffMissed { get; init; }
}
