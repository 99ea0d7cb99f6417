namespace InventoryRules.Engine;

/// <summary>What ingest did with a stored event; shown in a position's history.</summary>
public static class EventOutcomes
{
    /// <summary>Changed the position.</summary>
    public const string Applied = "applied";

    /// <summary>A sellable delta that occurred before the position's latest count: the count already includes it.</summary>
    public const string AlreadyCounted = "already_counted";

    /// <summary>A count older than the position's latest count: kept for accuracy, does not set on-hand.</summary>
    public const string Superseded = "superseded";

    /// <summary>Another source is authoritative for this node and event type: stored and compared only.</summary>
    public const string NonAuthoritative = "non_authoritative";
}
