namespace InventoryRules.Api.MasterData;

/// <summary>A customer segment on the wire (API.md, Master data).</summary>
public sealed record SegmentDto
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public int? FreshnessToleranceSeconds { get; init; }
    public double? ServiceLevel { get; init; }
}
