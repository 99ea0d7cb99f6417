using System.ComponentModel.DataAnnotations;
using InventoryRules.Engine;

namespace InventoryRules.Api;

/// <summary>Configuration section "Ingest": batch limits and anomaly thresholds.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 10_000;

    /// <summary>An event that occurred further than this in the future (feed clock skew) is refused.</summary>
    [Range(0, 86_400)]
    public int MaxClockSkewSeconds { get; set; } = 300;

    [Range(1.0, 1000.0)]
    public double SpikeFactor { get; set; } = AnomalyPolicy.Default.SpikeFactor;

    [Range(0, long.MaxValue)]
    public long SpikeMinUnits { get; set; } = AnomalyPolicy.Default.SpikeMinUnits;

    [Range(0, long.MaxValue)]
    public long SpikeMinSamples { get; set; } = AnomalyPolicy.Default.SpikeMinSamples;

    [Range(0, long.MaxValue)]
    public long CountVarianceUnits { get; set; } = AnomalyPolicy.Default.VarianceUnits;

    [Range(0.0, 1.0)]
    public double CountVarianceShare { get; set; } = AnomalyPolicy.Default.VarianceShare;

    /// <summary>Anomaly kinds that take the position out of availability until an operator resolves them.</summary>
    public string[] QuarantineOn { get; set; } = [.. AnomalyKinds.All];

    public AnomalyPolicy ToPolicy() => new(SpikeFactor, SpikeMinUnits, SpikeMinSamples, CountVarianceUnits,
        CountVarianceShare, new HashSet<string>(QuarantineOn, StringComparer.Ordinal));
}
