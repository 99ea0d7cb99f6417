namespace InventoryRules.Api.Positions;

/// <summary>A stored event in a position's history, as received and as applied (outcome, eaches).</summary>
public sealed record EventRecordDto(
    string EventId, string Source, long? Sequence, DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt, string Type,
    string Sku, string Node, decimal Quantity, string Uom, long Eaches, long OnHandDelta, long DamagedDelta,
    long QuarantinedDelta, long? CountedOnHand, string Outcome, string? Lot, string? Serial, DateTimeOffset? Expiry,
    string? Reason, string? FromStatus, string? ToStatus, DateTimeOffset? Eta, string? ToNode, string? Reference);
