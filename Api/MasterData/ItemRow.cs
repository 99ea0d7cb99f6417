using System.Text.Json;
using InventoryRules.Engine;

namespace InventoryRules.Api.MasterData;

/// <summary>An items row as both stores return it.</summary>
sealed class ItemRow
{
    public string Sku { get; init; } = "";
    public string Description { get; init; } = "";
    public string Category { get; init; } = "";
    public string VelocityClass { get; init; } = "C";
    public string Units { get; init; } = "{}";
    public bool Perishable { get; init; }
    public long? ShelfLifeDays { get; init; }
    public bool SerialTracked { get; init; }
    public bool Hazmat { get; init; }
    public bool ColdChain { get; init; }
    public decimal UnitCost { get; init; }
    public decimal UnitPrice { get; init; }

    public Item ToDomain() => new(new ItemId(Sku), Description, Category, Enum.Parse<VelocityClass>(VelocityClass),
        JsonSerializer.Deserialize<Dictionary<string, int>>(Units) ?? [], Perishable, (int?)ShelfLifeDays,
        SerialTracked, Hazmat, ColdChain, UnitCost, UnitPrice);
}
