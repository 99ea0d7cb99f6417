namespace InventoryRules.Engine;

/// <summary>
/// A SKU's master data. <see cref="Units"/> maps a unit of measure to how many eaches it holds;
/// "each" is always 1 and is added when the feed omits it.
/// </summary>
public sealed record Item(
    ItemId Sku,
    string Description,
    string Category,
    VelocityClass VelocityClass,
    IReadOnlyDictionary<string, int> Units,
    bool Perishable,
    int? ShelfLifeDays,
    bool SerialTracked,
    bool Hazmat,
    bool ColdChain,
    decimal UnitCost,
    decimal UnitPrice)
{
    public const string Each = "each";

    /// <summary>Eaches in one <paramref name="uom"/>, or null when the item has no such unit.</summary>
    public int? EachesPer(string uom) =>
        uom == Each ? 1 : Units.TryGetValue(uom, out var factor) ? factor : null;
}
