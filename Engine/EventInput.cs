namespace InventoryRules.Engine;

/// <summary>
/// One event as a feed sent it, before any validation: every field may be missing or wrong.
/// <see cref="EventNormalizer"/> turns it into a <see cref="LedgerEvent"/> or a rejection.
/// </summary>
public sealed record EventInput
{
    public string? EventId { get; init; }
    public string? Source { get; init; }
    public long? Sequence { get; init; }
    public DateTimeOffset? OccurredAt { get; init; }
    public string? Type { get; init; }
    public string? Sku { get; init; }
    public string? Node { get; init; }
    public decimal? Quantity { get; init; }
    public string? Uom { get; init; }
    public string? Lot { get; init; }
    public string? Serial { get; init; }
    public DateTimeOffset? Expiry { get; init; }
    public string? Reason { get; init; }
    public string? FromStatus { get; init; }
    public string? ToStatus { get; init; }
    public DateTimeOffset? Eta { get; init; }
    public string? ToNode { get; init; }
    public string? Reference { get; init; }
}
