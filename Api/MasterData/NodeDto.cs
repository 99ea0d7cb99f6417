namespace InventoryRules.Api.MasterData;

/// <summary>A node on the wire (API.md, Master data).</summary>
public sealed record NodeDto
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Country { get; init; }
    public string? Region { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public bool DutyPaid { get; init; }
    public string[]? Capabilities { get; init; }
    public int DailyOrderCapacity { get; init; }
    public decimal CostPerOrder { get; init; }
    public decimal CostPerUnit { get; init; }
    public CutoffDto[]? Cutoffs { get; init; }
    public Dictionary<string, string>? AuthoritativeSources { get; init; }
}
