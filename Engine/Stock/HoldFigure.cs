namespace InventoryRules.Engine.Stock;

/// <summary>
/// Units one hold rule ring-fences at one position for <paramref name="ForSegment"/> (the rule set it
/// belongs to is <paramref name="Segment"/>), capped by on-hand, and why (<see cref="HoldState"/>). Every
/// hold whose scope covers the position has a figure, so an expired one shows up as 0 and its units are
/// released by the diff. Keyed by (Sku, Node, Segment, RuleId).
/// </summary>
public readonly record struct HoldFigure(
    string Sku,
    string Node,
    string Segment,
    string RuleId,
    string ForSegment,
    long Units,
    string State,
    double ShareFactor)
{
    public (string Sku, string Node, string Segment, string RuleId) Key => (Sku, Node, Segment, RuleId);
}
