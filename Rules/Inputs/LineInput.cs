using System.ComponentModel;

namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of one order line, as <c>line</c>.</summary>
[Description("One line of the order being decided")]
public sealed class LineInput
{
    [Description("The line's id within the order")]
    public string LineId { get; set; } = "";
    [Description("SKU ordered on the line")]
    public string Sku { get; set; } = "";
    /// <summary>Requested quantity in eaches.</summary>
    [Description("Requested quantity in eaches")]
    public long Quantity { get; set; }
    [Description("The line's value: the item's unit price times the quantity")]
    public decimal Value { get; set; }
    [Description("The line's margin: (unit price less unit cost) times the quantity")]
    public decimal Margin { get; set; }
}
