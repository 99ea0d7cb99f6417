using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// A generated sample network: master data and the event history that happened between
/// <see cref="HistoryStart"/> and <see cref="HistoryEnd"/> (no event occurs after the end; open ASNs
/// and transfers may carry ETAs beyond it).
/// </summary>
public sealed record SampleNetwork(
    IReadOnlyList<Item> Items,
    IReadOnlyList<Node> Nodes,
    IReadOnlyList<Segment> Segments,
    IReadOnlyList<EventInput> Events,
    DateTimeOffset HistoryStart,
    DateTimeOffset HistoryEnd);
