namespace InventoryRules.Engine;

/// <summary>Stable names of anomaly kinds.</summary>
public static class AnomalyKinds
{
    public const string NegativeOnHand = "negative_on_hand";
    public const string MovementSpike = "movement_spike";
    public const string CountVariance = "count_variance";

    /// <summary>Committed above on-hand: reservations no longer covered by stock (found by the anomaly scan).</summary>
    public const string Overcommitted = "committed_over_on_hand";

    /// <summary>Stock at a node whose feed is older than a segment it serves tolerates (found by the anomaly scan).</summary>
    public const string StalePosition = "stale_position";

    /// <summary>
    /// The kinds ingest raises, and so the default set that quarantines. The scan's own kinds stay out of it: a
    /// silent feed or an over-commitment is for an operator to look at, not a reason to drop stock from promises.
    /// </summary>
    public static IReadOnlyList<string> All { get; } = [NegativeOnHand, MovementSpike, CountVariance];

    public static IReadOnlyList<string> Scanned { get; } = [NegativeOnHand, Overcommitted, MovementSpike, StalePosition, CountVariance];
}
