namespace InventoryRules.Api.Supply;

/// <summary>A backorder's life: open until its units are released (reserved) or the order line is cancelled. Wire names.</summary>
public static class BackorderStatus
{
    public const string Open = "open";
    public const string Released = "released";
    public const string Cancelled = "cancelled";
}
