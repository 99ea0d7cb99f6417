namespace InventoryRules.Samples.Wire;

/// <summary>An item as <c>PUT /v1/items</c> takes it (API.md, Master data).</summary>
internal sealed record ItemDto(
    string Sku,
    string Description,
    string Category,
    string VelocityClass,
    IReadOnlyDictionary<string, int> Units,
    bool Perishable,
    int? ShelfLifeDays,
    bool SerialTracked,
    bool Hazmat,
    bool ColdChain,
    decimal UnitCost,
    decimal UnitPrice);
