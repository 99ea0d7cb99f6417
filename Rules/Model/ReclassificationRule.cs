using System.Text.Json.Serialization;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Model;

/// <summary>On a quality inspection result, move units between sellable, damaged and quarantined.</summary>
public sealed record ReclassificationRule : Rule
{
    [JsonIgnore]
    public override string Kind => RuleKinds.Reclassification;

    public string InspectionResult { get; init; } = "";
    public string From { get; init; } = "sellable";
    public string To { get; init; } = "quarantined";
    /// <summary>Share of the inspected units to move, 0 to 1.</summary>
    public double Share { get; init; } = 1;
}
