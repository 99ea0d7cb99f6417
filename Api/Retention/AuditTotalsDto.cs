namespace InventoryRules.Api.Retention;

/// <summary>A position's audit totals per (event type, source) and over all of them.</summary>
public sealed record AuditTotalsDto(
    string Sku,
    string Node,
    DateTimeOffset? RetainedFrom,
    long Events,
    long Eaches,
    long CompactedEvents,
    IReadOnlyList<AuditLineDto> Lines);
