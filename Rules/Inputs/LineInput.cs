namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of one order line, as <c>line</c>.</summary>
public sealed class LineInput
{
    public string LineId { get; init; } = "";
    public string Sku { get; init; } = "";
    /// <summary>Requested quantity in eaches.</summary>
    public long Quantity { get; init; }
    public decimal Value { get; init; }
    public decimal Margin { get; init; }
}
