namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of one order line, as <c>line</c>.</summary>
public sealed class LineInput
{
    public string LineId { get; set; } = "";
    public string Sku { get; set; } = "";
    /// <summary>Requested quantity in eaches.</summary>
    public long Quantity { get; set; }
    public decimal Value { get; set; }
    public decimal Margin { get; set; }
}
