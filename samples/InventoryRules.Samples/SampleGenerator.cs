using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// Generates the sample network: a grocery and general-merchandise retailer in Germany and Switzerland
/// with its catalogue, nodes, segments and the inventory events of the days before <c>historyEnd</c>.
/// </summary>
public static class SampleGenerator
{
    public const int DefaultSeed = 20261126;

    /// <summary>
    /// Deterministic: the same seed and historyEnd give byte-identical output. Events sorted by
    /// OccurredAt then EventId (ordinal); none occurs after <paramref name="historyEnd"/>.
    /// </summary>
    public static SampleNetwork Generate(int seed, DateTimeOffset historyEnd, int itemCount = 1000, int days = 90)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(itemCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var random = new Random(seed);
        var calendar = new SimulationCalendar(historyEnd, days);
        var items = ItemCatalogue.Create(random, itemCount);
        var state = new SimulationState(random, calendar, items, NetworkLayout.Sites);
        var events = EventSimulator.Run(state);
        return new SampleNetwork(
            [.. items.Select(i => i.Item)],
            [.. NetworkLayout.Sites.Select(s => s.Node)],
            SegmentCatalogue.All,
            events,
            calendar.Start,
            calendar.End);
    }
}
