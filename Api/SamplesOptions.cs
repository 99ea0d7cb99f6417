namespace InventoryRules.Api;

/// <summary>Configuration section "Samples": seed the sample network on first start.</summary>
public sealed class SamplesOptions
{
    public const string Section = "Samples";

    /// <summary>Default: true on SQLite, false on PostgreSQL (a production store is never seeded by surprise).</summary>
    public bool? Seed { get; set; }

    /// <summary>
    /// How often the sample network's simulated feeds report alive (<see cref="SampleFeedHeartbeats"/>), so
    /// that demo orders find fresh nodes; 0 turns it off.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3_600)]
    public int HeartbeatSeconds { get; set; } = 20;

    public int RandomSeed { get; set; } = Samples.SampleGenerator.DefaultSeed;

    /// <summary>Sample orders sourced on first start, so that the decision log has a history to replay (0 = none).</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 100_000)]
    public int Orders { get; set; } = 1_000;
}
