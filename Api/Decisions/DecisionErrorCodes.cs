namespace InventoryRules.Api.Decisions;

/// <summary>Stable codes of the decision and reservation endpoints (API.md, Errors). A shipped code is never renamed.</summary>
public static class DecisionErrorCodes
{
    public const string NoActiveRuleSet = "no_active_ruleset";
    public const string DuplicateLineId = "duplicate_line_id";
    public const string InvalidQuantity = "invalid_quantity";
    public const string ReservationConflict = "reservation_conflict";
    public const string ReservationExpired = "reservation_expired";
    public const string ReservationReleased = "reservation_released";
    public const string ReservationShipped = "reservation_shipped";
    public const string OrderConflict = "order_conflict";
}
