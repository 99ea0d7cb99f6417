namespace InventoryRules.Engine.Operations;

/// <summary>
/// What the recurring anomaly scan judges in stored state (ingest judges batches as they arrive). Pure:
/// the clock, the statistics and the thresholds are arguments.
/// </summary>
public static class AnomalyScanRules
{
    /// <summary>Negative on-hand first; else committed above on-hand (reservations stock no longer covers).</summary>
    public static DetectedAnomaly? Negative(ItemId sku, NodeId node, long onHand, long committed)
    {
        if (onHand < 0)
        {
            return new DetectedAnomaly(AnomalyKinds.NegativeOnHand, sku, node, null, onHand, 0,
                $"on-hand of {sku} at {node} is {onHand}");
        }
        return committed > onHand
            ? new DetectedAnomaly(AnomalyKinds.Overcommitted, sku, node, null, committed, onHand,
                $"{committed} eaches of {sku} committed at {node} against {onHand} on hand: {committed - onHand} reserved eaches are not covered")
            : null;
    }

    /// <summary>
    /// A movement already in the statistics, judged against the usual movement without it, with the
    /// thresholds ingest uses.
    /// </summary>
    public static DetectedAnomaly? Spike(string type, ItemId sku, NodeId node, EventKey key, long delta, ItemMovement withIt, AnomalyPolicy policy)
    {
        var size = Math.Abs(delta);
        var usual = withIt.Events > 0 && withIt.Units >= size ? new ItemMovement(withIt.Events - 1, withIt.Units - size) : withIt;
        return AnomalyDetector.ForMovement(type, sku, node, key, delta, usual, policy);
    }

    /// <summary>
    /// The segment with the strictest freshness tolerance. The model maps no segments to nodes (eligibility is
    /// decided per order by the rule sets), so every node may serve every segment.
    /// </summary>
    public static Segment? Strictest(IEnumerable<Segment> segments) =>
        segments.OrderBy(s => s.FreshnessTolerance).ThenBy(s => s.Code, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>Stock on hand at a node whose feed last reported longer ago than <paramref name="strictest"/> tolerates.</summary>
    public static DetectedAnomaly? Stale(ItemId sku, NodeId node, long onHand, DateTimeOffset? feedSeenAt, DateTimeOffset now, Segment? strictest)
    {
        if (strictest is null || onHand <= 0) return null;
        var age = feedSeenAt is { } seen ? now - seen : (TimeSpan?)null;
        if (age is { } a && a <= strictest.FreshnessTolerance) return null;
        var ageSeconds = age is { } s ? (long)s.TotalSeconds : -1;
        var said = age is { } known ? $"last reported {Words(known)} ago" : "has never reported";
        return new DetectedAnomaly(AnomalyKinds.StalePosition, sku, node, null, ageSeconds, (long)strictest.FreshnessTolerance.TotalSeconds,
            $"{onHand} eaches of {sku} at {node}, whose feed {said}; segment {strictest.Code} tolerates {Words(strictest.FreshnessTolerance)}");
    }

    static string Words(TimeSpan span) => span.TotalSeconds < 120 ? $"{span.TotalSeconds:0} s"
        : span.TotalMinutes < 120 ? $"{span.TotalMinutes:0} min"
        : span.TotalHours < 48 ? $"{span.TotalHours:0.#} h" : $"{span.TotalDays:0.#} days";
}
