namespace InventoryRules.Engine;

/// <summary>
/// The cycle count that fixes a position's sellable on-hand: on_hand is its quantity plus every
/// authoritative sellable delta that occurred after it. Of two counts the later one wins; at the same
/// instant the larger event key does, so the result never depends on arrival order.
/// </summary>
public sealed record CountAnchor(DateTimeOffset At, long Quantity, EventKey Key)
{
    public bool Supersedes(CountAnchor? other) =>
        other is null || At > other.At || (At == other.At && Key.CompareTo(other.Key) > 0);

    /// <summary>True when a delta at <paramref name="occurredAt"/> is already inside this count.</summary>
    public bool Covers(DateTimeOffset occurredAt) => occurredAt <= At;
}
