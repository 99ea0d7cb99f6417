namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of an item, as <c>item</c>.</summary>
public sealed class ItemInput
{
    public string Sku { get; init; } = "";
    public string Category { get; init; } = "";
    /// <summary>"A", "B" or "C".</summary>
    public string VelocityClass { get; init; } = "C";
    public bool Perishable { get; init; }
    /// <summary>0 when the item is not perishable.</summary>
    public int ShelfLifeDays { get; init; }
    public bool SerialTracked { get; init; }
    public bool Hazmat { get; init; }
    public bool ColdChain { get; init; }
    public decimal UnitCost { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal Margin => UnitPrice - UnitCost;
}
