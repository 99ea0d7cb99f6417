using System.Text.Json.Serialization;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Model;

/// <summary>When inbound supply at a cross-dock node should flow straight to open outbound demand.</summary>
public sealed record CrossDockRule : Rule
{
    [JsonIgnore]
    public override string Kind => RuleKinds.CrossDock;

    public long MinQuantity { get; init; } = 1;
    /// <summary>Longest the goods may wait at the node before going out.</summary>
    public double MaxDwellHours { get; init; } = 24;
}
