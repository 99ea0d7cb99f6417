namespace InventoryRules.Engine;

/// <summary>
/// The stored state of one (sku, node) position, in eaches. On-hand may go below zero only through the
/// physical world (a late shipment, a count); that is an anomaly, never a reservation.
/// </summary>
public sealed record PositionState(
    ItemId Sku,
    NodeId Node,
    long OnHand,
    long Damaged,
    long Quarantined,
    long Committed,
    long Held,
    CountAnchor? Anchor,
    DateTimeOffset? LastEventAt,
    long Version,
    bool PositionQuarantined)
{
    public static PositionState Empty(ItemId sku, NodeId node) =>
        new(sku, node, 0, 0, 0, 0, 0, null, null, 0, false);
}
