using System.ComponentModel;

namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of an item, as <c>item</c>.</summary>
[Description("What a planner's expression may read of an item (a SKU's master data)")]
public sealed class ItemInput
{
    [Description("Stock-keeping unit code, e.g. SKU-100")]
    public string Sku { get; set; } = "";
    [Description("Category from master data, e.g. dairy")]
    public string Category { get; set; } = "";
    /// <summary>"A", "B" or "C".</summary>
    [Description("Sales velocity class: \"A\" (fastest movers), \"B\" or \"C\"")]
    public string VelocityClass { get; set; } = "C";
    [Description("True when the item has a limited shelf life")]
    public bool Perishable { get; set; }
    /// <summary>0 when the item is not perishable.</summary>
    [Description("Shelf life in days from master data; 0 when the item is not perishable")]
    public int ShelfLifeDays { get; set; }
    [Description("True when every unit carries a serial number")]
    public bool SerialTracked { get; set; }
    [Description("True for hazardous goods")]
    public bool Hazmat { get; set; }
    [Description("True when the item must stay chilled; only nodes with the cold_chain capability ship it")]
    public bool ColdChain { get; set; }
    [Description("Cost of one each, from master data")]
    public decimal UnitCost { get; set; }
    [Description("Selling price of one each, from master data")]
    public decimal UnitPrice { get; set; }
    [Description("Unit price less unit cost, per each")]
    public decimal Margin => UnitPrice - UnitCost;
}
