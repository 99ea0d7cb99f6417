namespace InventoryRules.Engine;

/// <summary>
/// A validated event in eaches, with the effect it has when applied. <see cref="NamedSource"/> is the
/// source the node names as authoritative for this event type, if any; when it is another source the
/// event is stored and compared but changes nothing.
/// </summary>
public sealed record LedgerEvent(
    EventKey Key,
    long? Sequence,
    DateTimeOffset OccurredAt,
    EventType Type,
    ItemId Sku,
    NodeId Node,
    decimal Quantity,
    string Uom,
    long Eaches,
    BucketDelta Effect,
    long? CountedOnHand,
    SupplyEffect? Supply,
    string? NamedSource,
    EventInput Input)
{
    public bool IsCount => Type == EventType.CycleCount;

    public bool Authoritative => NamedSource is null || NamedSource == Key.Source;

    /// <summary>Orders counts taken at the same instant so that every store picks the same one.</summary>
    public CountAnchor? AsAnchor() =>
        CountedOnHand is { } counted ? new CountAnchor(OccurredAt, counted, Key) : null;
}
