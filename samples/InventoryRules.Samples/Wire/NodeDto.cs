namespace InventoryRules.Samples.Wire;

/// <summary>A node as <c>PUT /v1/nodes</c> takes it (API.md, Master data).</summary>
internal sealed record NodeDto(
    string Code,
    string Name,
    string Type,
    string Country,
    string? Region,
    double? Latitude,
    double? Longitude,
    bool DutyPaid,
    IReadOnlyList<string> Capabilities,
    int DailyOrderCapacity,
    decimal CostPerOrder,
    decimal CostPerUnit,
    IReadOnlyList<CutoffDto> Cutoffs,
    IReadOnlyDictionary<string, string> AuthoritativeSources);
