namespace InventoryRules.Api.Retention;

/// <summary>
/// Every event ever stored for a position of one type from one source: compacted and live together, so the
/// figures stay exact for all time. Deltas are the events' own bucket effects, authoritative or not.
/// </summary>
public sealed record AuditLineDto(
    string Type,
    string Source,
    long Events,
    long Eaches,
    long OnHandDelta,
    long DamagedDelta,
    long QuarantinedDelta,
    long CompactedEvents,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt);
