namespace InventoryRules.Api.Stock;

/// <summary>Counter names in the stock jobs' run summaries (the wire shows them as they are).</summary>
public static class StockCounters
{
    public const string Positions = "positions";
    public const string SafetyStockChanged = "safetyStockChanged";
    public const string HoldsChanged = "holdsChanged";
    public const string HeldChanged = "heldChanged";
    public const string UnitsReleased = "unitsReleased";
    public const string ReordersChanged = "reordersChanged";
    public const string ReordersTriggered = "reordersTriggered";
    public const string Failures = "failures";
    public const string Skipped = "skipped";
    public const string HoldsExpired = "holdsExpired";
    public const string Suggestions = "suggestions";
    public const string SuggestionsChanged = "suggestionsChanged";
    public const string ShortDatedLots = "shortDatedLots";
}
