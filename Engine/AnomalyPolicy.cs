namespace InventoryRules.Engine;

/// <summary>
/// Thresholds for anomalies found at ingest. A movement is a spike when it exceeds
/// <see cref="SpikeFactor"/> times the item's mean movement per event (once the item has
/// <see cref="SpikeMinSamples"/> movements on record) and is more than <see cref="SpikeMinUnits"/>.
/// A count variance is over tolerance beyond both <see cref="VarianceUnits"/> and
/// <see cref="VarianceShare"/> of the system figure.
/// </summary>
public sealed record AnomalyPolicy(
    double SpikeFactor,
    long SpikeMinUnits,
    long SpikeMinSamples,
    long VarianceUnits,
    double VarianceShare,
    IReadOnlySet<string> QuarantineOn)
{
    public static AnomalyPolicy Default { get; } = new(10, 50, 20, 5, 0.10,
        new HashSet<string>(AnomalyKinds.All, StringComparer.Ordinal));

    public bool Quarantines(string kind) => QuarantineOn.Contains(kind);
}
