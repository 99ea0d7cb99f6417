namespace InventoryRules.Engine.Operations;

/// <summary>
/// Inventory record accuracy in additive parts, so that days, nodes and the network sum exactly: how many
/// counts, how many were within tolerance, the eaches counted and the sum of absolute variances.
/// </summary>
public readonly record struct AccuracyParts(long Counts, long WithinTolerance, long CountedUnits, long AbsoluteVariance)
{
    /// <summary>Share of counts within tolerance; null without counts.</summary>
    public double? CountAccuracy => Counts == 0 ? null : (double)WithinTolerance / Counts;

    /// <summary>
    /// 1 − Σ|variance| / Σcounted, floored at zero (a count of nothing against stock on record would make
    /// it unbounded below); null when nothing was counted and nothing missed.
    /// </summary>
    public double? UnitAccuracy => CountedUnits == 0
        ? (AbsoluteVariance == 0 ? null : 0)
        : Math.Max(0, 1 - (double)AbsoluteVariance / CountedUnits);

    public AccuracyParts Add(AccuracyParts other) => new(Counts + other.Counts, WithinTolerance + other.WithinTolerance,
        CountedUnits + other.CountedUnits, AbsoluteVariance + other.AbsoluteVariance);

    /// <summary>One count: within tolerance by the same rule that raises count-variance anomalies.</summary>
    public static AccuracyParts Of(long counted, long system, AnomalyPolicy policy)
    {
        var variance = Math.Abs(counted - system);
        return new AccuracyParts(1, variance <= AnomalyDetector.CountTolerance(system, policy) ? 1 : 0, Math.Max(0, counted), variance);
    }
}
