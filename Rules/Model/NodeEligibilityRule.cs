using System.Text.Json.Serialization;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Model;

/// <summary>
/// Which nodes may serve a ship-to. When the condition holds, a node that fails any requirement is
/// excluded, and the explanation gives <see cref="Reason"/>.
/// </summary>
public sealed record NodeEligibilityRule : Rule
{
    [JsonIgnore]
    public override string Kind => RuleKinds.NodeEligibility;

    /// <summary>A boolean expression a node must satisfy, e.g. <c>node.Country == order.ShipToCountry</c>.</summary>
    public string? Eligible { get; init; }
    public bool? RequireDutyPaid { get; init; }
    public IReadOnlyList<string>? RequireCapabilities { get; init; }
    public IReadOnlyList<string>? AllowedNodeTypes { get; init; }
    public IReadOnlyList<string>? AllowedNodeCountries { get; init; }
    /// <summary>Exclude nodes for hazmat items (e.g. stores without a licence).</summary>
    public bool? ExcludeHazmat { get; init; }
    /// <summary>Words for the explanation, e.g. "not duty-paid for CH".</summary>
    public string Reason { get; init; } = "";
}
