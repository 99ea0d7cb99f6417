namespace InventoryRules.Api.Positions;

/// <summary>A position on the wire (API.md, Positions); every quantity in eaches.</summary>
public sealed record PositionDto(
    string Sku,
    string Node,
    long OnHand,
    long Damaged,
    long Quarantined,
    long Committed,
    long Held,
    IReadOnlyList<InTransitDto> InTransit,
    DateTimeOffset? LastEventAt,
    long? Version,
    bool PositionQuarantined,
    DateTimeOffset? AsOf = null);

/// <summary>Open supply on its way to the node.</summary>
public sealed record InTransitDto(long Quantity, DateTimeOffset? Eta, string Reference);
