namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of the order being decided, as <c>order</c>.</summary>
public sealed class OrderInput
{
    public string Id { get; init; } = "";
    public string Segment { get; init; } = "";
    public string ShipToCountry { get; init; } = "";
    public string ShipToPostalCode { get; init; } = "";
    public int LineCount { get; init; }
    public long TotalUnits { get; init; }
    public decimal Value { get; init; }
    /// <summary>Days from now to the requested date; 0 when none was asked for.</summary>
    public int RequestedInDays { get; init; }
    public bool PreOrder { get; init; }
}
