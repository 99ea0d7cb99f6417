using System.Text.Json.Serialization;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Model;

/// <summary>
/// A reorder trigger for perishables: reorder when available falls to the reorder point, lowered in
/// proportion to the shelf life left, and never keep lots with less than the minimum shelf life.
/// </summary>
public sealed record ReorderRule : Rule
{
    [JsonIgnore]
    public override string Kind => RuleKinds.Reorder;

    /// <summary>A numeric expression, e.g. <c>position.BurnRate * 3</c>.</summary>
    public string ReorderPoint { get; init; } = "0";
    public string? OrderUpTo { get; init; }
    public int MinRemainingShelfLifeDays { get; init; }
    /// <summary>0 to 1: how strongly the reorder point follows remaining shelf life.</summary>
    public double ShelfLifeFactor { get; init; } = 1;
}
