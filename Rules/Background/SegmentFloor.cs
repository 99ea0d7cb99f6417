namespace InventoryRules.Rules.Background;

/// <summary>
/// What a segment may not take of a position: its safety stock (0 when its entitlements waive it) and the
/// units other segments' holds keep. Available to promise for the segment is on-hand − committed − floor.
/// </summary>
public sealed record SegmentFloor(string Sku, string Node, string Segment, long SafetyStock, long HeldForOthers)
{
    public long Units => Math.Max(0, SafetyStock) + Math.Max(0, HeldForOthers);
}
