namespace InventoryRules.Api.Ingest;

/// <summary>A non-authoritative report that disagrees with the authoritative source: both figures, in eaches.</summary>
public sealed record Discrepancy(
    string Sku, string Node, string Type, string Source, string EventId, string AuthoritativeSource,
    long Reported, long AuthoritativeFigure, string Detail);
