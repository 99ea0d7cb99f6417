using InventoryRules.Rules.Validation;
using InventoryRules.Samples;

namespace InventoryRules.Rules.Tests.Validation;

/// <summary>The master data of the sample network the service seeds, as a validation context.</summary>
internal static class SampleContext
{
    static readonly Lazy<RuleSetContext> Context = new(() =>
    {
        var network = SampleGenerator.Generate(SampleGenerator.DefaultSeed, new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), days: 7);
        return new RuleSetContext(
            network.Segments.Select(s => s.Code).ToHashSet(StringComparer.Ordinal),
            network.Nodes.Select(n => n.Code.Value).ToHashSet(StringComparer.Ordinal),
            network.Items.Select(i => i.Sku.Value).ToHashSet(StringComparer.Ordinal),
            network.Items.Select(i => i.Category).ToHashSet(StringComparer.Ordinal),
            network.Nodes.Select(n => n.Country).ToHashSet(StringComparer.Ordinal));
    });

    public static RuleSetContext Value => Context.Value;
}
