namespace InventoryRules.Api.Operations;

/// <summary>A report from a non-authoritative source that disagreed with the authoritative one.</summary>
public sealed record DiscrepancyDto(
    long Id, DateTimeOffset DetectedAt, string Sku, string Node, string Type, string Source, string EventId,
    string AuthoritativeSource, long Reported, long AuthoritativeFigure, string Detail);
