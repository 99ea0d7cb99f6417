namespace InventoryRules.Api.Operations;

/// <summary>An anomaly in the operators' queue.</summary>
public sealed record AnomalyDto(
    long Id, DateTimeOffset DetectedAt, string Kind, string Sku, string Node, string? Source, string? EventId,
    long Observed, long Expected, string Detail, bool Quarantined, string Status, DateTimeOffset? ResolvedAt,
    string? ResolvedBy, string? ResolutionNote);
