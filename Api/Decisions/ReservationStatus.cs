namespace InventoryRules.Api.Decisions;

/// <summary>A reservation's life: soft (with a TTL) → confirmed → shipped; or released, or expired.</summary>
public static class ReservationStatus
{
    public const string Soft = "soft";
    public const string Confirmed = "confirmed";
    public const string Released = "released";
    public const string Expired = "expired";
    public const string Shipped = "shipped";
}
