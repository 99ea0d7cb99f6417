namespace InventoryRules.Samples.Wire;

/// <summary>One event as <c>POST /v1/events</c> takes it (API.md, Events); instants in UTC with "Z".</summary>
internal sealed record EventDto(
    string? EventId,
    string? Source,
    long? Sequence,
    string? OccurredAt,
    string? Type,
    string? Sku,
    string? Node,
    decimal? Quantity,
    string? Uom,
    string? Lot,
    string? Serial,
    string? Expiry,
    string? Reason,
    string? FromStatus,
    string? ToStatus,
    string? Eta,
    string? ToNode,
    string? Reference);
