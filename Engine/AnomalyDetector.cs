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
            var movement = movementIn(ItemMovement.Direction(e));
            if (movement.Events < policy.SpikeMinSamples) continue;
            var threshold = Math.Max(policy.SpikeMinUnits, policy.SpikeFactor * movement.Mean);
            var size = Math.Abs(e.Effect.OnHand);
            if (size > threshold)
            {
                yield return new DetectedAnomaly(AnomalyKinds.MovementSpike, e.Sku, e.Node, e.Key, size, (long)Math.Round(movement.Mean),
                     $"{e.Type.Name()} of {size} eaches is {size / Math.Max(movement.Mean, 1):0.#}x the usual {movement.Mean:0.#} for {e.Sku} at {e.Node}");
            }
        }
    }

    public static DetectedAnomaly? ForCount(CountVariance v, AnomalyPolicy policy)
    {
        var tolerance = Math.Max(policy.VarianceUnits, policy.VarianceShare * Math.Abs(v.System));
        return Math.Abs(v.Variance) > tolerance
            ? new DetectedAnomaly(AnomalyKinds.CountVariance, v.Sku, v.Node, v.Count, v.Counted, v.System,
                $"count of {v.Counted} at {v.Node} against {v.System} on record (variance {v.Variance:+#;-#;0}, tolerance {tolerance:0.#})")
            : null;
    }
}
