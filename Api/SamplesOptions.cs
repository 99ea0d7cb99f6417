namespace InventoryRules.Api;

/// <summary>Configuration section "Samples": seed the sample network on first start.</summary>
public sealed class SamplesOptions
{
    public const string Section = "Samples";

    /// <summary>Default: true on SQLite, false on PostgreSQL (a production store is never seeded by surprise).</summary>
    public bool? Seed { get; set; }

    public int RandomSeed { get; set; } = Samples.SampleGenerator.DefaultSeed;
}
