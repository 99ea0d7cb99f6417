using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// Everything one full re-evaluation reads, taken at one instant: positions, lots, master data and every
/// segment's version in force. <paramref name="NetworkTimeZone"/> is the zone <c>context.Now</c> is given in,
/// as for decisions (<see cref="DecisionSettings.NetworkTimeZone"/>).
/// </summary>
public sealed record StockReevaluationInput(
    DateTimeOffset Now,
    IReadOnlyList<StockPosition> Positions,
    IReadOnlyList<StockLot> Lots,
    IReadOnlyList<Item> Items,
    IReadOnlyList<Node> Nodes,
    IReadOnlyList<SegmentRules> Segments,
    string NetworkTimeZone = "Europe/Berlin");
