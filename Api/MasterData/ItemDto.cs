namespace InventoryRules.Api.MasterData;

/// <summary>An item on the wire (API.md, Master data).</summary>
public sealed record ItemDto
{
    public string? Sku { get; init; }
    public string? Description { get; init; }
    public string? Category { get; init; }
    public string? VelocityClass { get; init; }
    public Dictionary<string, int>? Units { get; init; }
    public bool Perishable { get; init; }
    public int? ShelfLifeDays { get; init; }
    public bool SerialTracked { get; init; }
    public bool Hazmat { get; init; }
    public bool ColdChain { get; init; }
    public decimal UnitCost { get; init; }
    public decimal UnitPrice { get; init; }
}
