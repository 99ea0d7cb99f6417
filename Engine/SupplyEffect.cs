namespace InventoryRules.Engine;

/// <summary>
/// What an event does to an in-transit supply line, identified by (sku, destination node, reference).
/// Each field only ever adds (or sets a flag), so effects commute whatever order events arrive in:
/// a line's open quantity is <c>expected - received</c>, or zero once cancelled.
/// </summary>
public sealed record SupplyEffect(
    NodeId Destination,
    string Reference,
    long Expected,
    long Received,
    bool Cancelled,
    DateTimeOffset? Eta);
