using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>An item of the sample catalogue with what the simulation needs to know about its demand and packs.</summary>
internal sealed class CatalogueItem(int index, Item item, CategoryProfile category, ProductTemplate product, double storeRate, double peakLift)
{
    public int Index { get; } = index;
    public Item Item { get; } = item;
    public CategoryProfile Category { get; } = category;
    public string Sku => Item.Sku.Value;

    /// <summary>Mean daily unit sales in a regular store over a normal week.</summary>
    public double StoreRate { get; } = storeRate;

    /// <summary>Demand multiplier during the promotion peak week (2 to 3).</summary>
    public double PeakLift { get; } = peakLift;

    public int Case { get; } = product.Case;

    /// <summary>Stores are replenished in inners where the item has them, else in cases.</summary>
    public int StorePack { get; } = product.Inner > 0 ? product.Inner : product.Case;

    public string StorePackUom { get; } = product.Inner > 0 ? "inner" : "case";

    /// <summary>Eaches per pallet, or 0 when the supplier does not ship the item in full pallets.</summary>
    public int Pallet { get; } = product.CasesPerPallet * product.Case;

    public bool ColdChain => Item.ColdChain;
    public bool Perishable => Item.Perishable;
}
