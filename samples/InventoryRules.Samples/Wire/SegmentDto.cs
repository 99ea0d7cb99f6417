namespace InventoryRules.Samples.Wire;

/// <summary>A segment as <c>PUT /v1/segments</c> takes it (API.md, Master data).</summary>
internal sealed record SegmentDto(string Code, string Name, int FreshnessToleranceSeconds, double ServiceLevel);
