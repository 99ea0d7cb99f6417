using System.Text.Json;
using InventoryRules.Engine;

namespace InventoryRules.Api.MasterData;

/// <summary>A nodes row as both stores return it; list-valued columns are JSON in the wire shape.</summary>
sealed class NodeRow
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Type { get; init; } = "";
    public string Country { get; init; } = "";
    public string? Region { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public bool DutyPaid { get; init; }
    public string Capabilities { get; init; } = "[]";
    public long DailyOrderCapacity { get; init; }
    public decimal CostPerOrder { get; init; }
    public decimal CostPerUnit { get; init; }
    public string Cutoffs { get; init; } = "[]";
    public string AuthoritativeSources { get; init; } = "{}";

    // Stored rows passed validation on the way in, so mapping back through it cannot fail.
    public Node ToDomain() => NodeMapping.ToDomain(new NodeDto
    {
        Code = Code,
        Name = Name,
        Type = Type,
        Country = Country,
        Region = Region,
        Latitude = Latitude,
        Longitude = Longitude,
        DutyPaid = DutyPaid,
        Capabilities = JsonSerializer.Deserialize<string[]>(Capabilities),
        DailyOrderCapacity = (int)DailyOrderCapacity,
        CostPerOrder = CostPerOrder,
        CostPerUnit = CostPerUnit,
        Cutoffs = JsonSerializer.Deserialize<CutoffDto[]>(Cutoffs),
        AuthoritativeSources = JsonSerializer.Deserialize<Dictionary<string, string>>(AuthoritativeSources),
    }, "node", []) ?? throw new InvalidOperationException($"stored node {Code} no longer validates");
}
