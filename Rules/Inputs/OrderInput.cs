namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of the order being decided, as <c>order</c>.</summary>
public sealed class OrderInput
{
    public string Id { get; set; } = "";
    public string Segment { get; set; } = "";
    public string ShipToCountry { get; set; } = "";
    public string ShipToPostalCode { get; set; } = "";
    public int LineCount { get; set; }
    public long TotalUnits { get; set; }
    public decimal Value { get; set; }
    /// <summary>Days from now to the requested date; 0 when none was asked for.</summary>
    public int RequestedInDays { get; set; }
    public bool PreOrder { get; set; }
}
