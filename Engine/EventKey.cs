namespace InventoryRules.Engine;

/// <summary>The idempotency key of an event: its id is unique per source system.</summary>
public readonly record struct EventKey(string Source, string EventId) : IComparable<EventKey>
{
    // Ordinal order: every writer takes row locks in this order, so concurrent batches never deadlock.
    public int CompareTo(EventKey other)
    {
        var bySource = string.CompareOrdinal(Source, other.Source);
        return bySource != 0 ? bySource : string.CompareOrdinal(EventId, other.EventId);
    }

    public override string ToString() => $"{Source}/{EventId}";
}
