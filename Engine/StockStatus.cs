namespace InventoryRules.Engine;

/// <summary>The physical status buckets a unit can sit in at a node.</summary>
public enum StockStatus
{
    Sellable,
    Damaged,
    Quarantined,
}
