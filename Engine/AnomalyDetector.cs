namespace InventoryRules.Engine;

/// <summary>Finds anomalies in what a batch did to a position. Pure: statistics and thresholds are arguments.</summary>
public static class AnomalyDetector
{
    public static IEnumerable<DetectedAnomaly> ForPosition(
        PositionState before, PositionState after, IEnumerable<LedgerEvent> fresh, Func<string, ItemMovement> movementIn, AnomalyPolicy policy)
    {
        // Reported when on-hand crosses below zero, not again for every batch while it stays there.
        if (after.OnHand < 0 && before.OnHand >= 0)
        {
            yield return new DetectedAnomaly(AnomalyKinds.NegativeOnHand, after.Sku, after.Node, null, after.OnHand, 0,
                $"on-hand of {after.Sku} at {after.Node} went to {after.OnHand}");
        }
        foreach (var e in fresh)
        {
            if (!ItemMovement.Counts(e)) continue;
            if (ForMovement(e.Type.Name(), e.Sku, e.Node, e.Key, e.Effect.OnHand, movementIn(ItemMovement.Direction(e)), policy) is { } spike)
            {
                yield return spike;
            }
        }
    }

    /// <summary>
    /// One sellable movement of <paramref name="delta"/> eaches against the position's usual movement in its
    /// direction (without it): a spike when far above the mean, once there is enough history to judge.
    /// </summary>
    public static DetectedAnomaly? ForMovement(string type, ItemId sku, NodeId node, EventKey key, long delta, ItemMovement usual, AnomalyPolicy policy)
    {
        if (usual.Events < policy.SpikeMinSamples) return null;
        var threshold = Math.Max(policy.SpikeMinUnits, policy.SpikeFactor * usual.Mean);
        var size = Math.Abs(delta);
        return size > threshold
            ? new DetectedAnomaly(AnomalyKinds.MovementSpike, sku, node, key, size, (long)Math.Round(usual.Mean),
                $"{type} of {size} eaches is {size / Math.Max(usual.Mean, 1):0.#}x the usual {usual.Mean:0.#} for {sku} at {node}")
            : null;
    }

    /// <summary>How far a count may miss the system figure before it is an anomaly (and, for accuracy, a miss).</summary>
    public static double CountTolerance(long system, AnomalyPolicy policy) =>
        Math.Max(policy.VarianceUnits, policy.VarianceShare * Math.Abs(system));

    public static DetectedAnomaly? ForCount(CountVariance v, AnomalyPolicy policy)
    {
        var tolerance = CountTolerance(v.System, policy);
        return Math.Abs(v.Variance) > tolerance
            ? new DetectedAnomaly(AnomalyKinds.CountVariance, v.Sku, v.Node, v.Count, v.Counted, v.System,
                $"count of {v.Counted} at {v.Node} against {v.System} on record (variance {v.Variance:+#;-#;0}, tolerance {tolerance:0.#})")
            : null;
    }
}
