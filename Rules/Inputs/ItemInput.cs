namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of an item, as <c>item</c>.</summary>
public sealed class ItemInput
{
    public string Sku { get; set; } = "";
    public string Category { get; set; } = "";
    /// <summary>"A", "B" or "C".</summary>
    public string VelocityClass { get; set; } = "C";
    public bool Perishable { get; set; }
    /// <summary>0 when the item is not perishable.</summary>
    public int ShelfLifeDays { get; set; }
    public bool SerialTracked { get; set; }
    public bool Hazmat { get; set; }
    public bool ColdChain { get; set; }
    public decimal UnitCost { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Margin => UnitPrice - UnitCost;
}
