using System.ComponentModel;

namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of the order being decided, as <c>order</c>.</summary>
[Description("The order being decided; empty for rules decided outside orders (reorder, reclassification)")]
public sealed class OrderInput
{
    [Description("Order id from the order system")]
    public string Id { get; set; } = "";
    [Description("Segment the order is decided for, e.g. retail")]
    public string Segment { get; set; } = "";
    [Description("Ship-to country, a two-letter code such as DE")]
    public string ShipToCountry { get; set; } = "";
    [Description("Ship-to postal code; empty when the order has none")]
    public string ShipToPostalCode { get; set; } = "";
    [Description("Number of lines on the order")]
    public int LineCount { get; set; }
    [Description("Units ordered over all lines, in eaches")]
    public long TotalUnits { get; set; }
    [Description("Order value: unit price times quantity, summed over the lines")]
    public decimal Value { get; set; }
    /// <summary>Days from now to the requested date; 0 when none was asked for.</summary>
    [Description("Calendar days from today to the requested delivery date, in the network's time zone; 0 when none was asked for")]
    public int RequestedInDays { get; set; }
    [Description("True when the order system marks the order as a pre-order")]
    public bool PreOrder { get; set; }
}
