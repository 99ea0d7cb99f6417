namespace InventoryRules.Api.Operations;

/// <summary>
/// A segment's record accuracy: over the nodes that served its orders in the range (from the decision log),
/// since which nodes serve a segment is decided per order by its rule set, not fixed in master data.
/// </summary>
public sealed record AccuracySegmentDto(string Segment, IReadOnlyList<string> Nodes, AccuracyFiguresDto Figures);
