namespace InventoryRules.Rules.Background.Backorders;

/// <summary>
/// An order line waiting for stock at the node it was backordered against, with how its order ranks for
/// scarce stock (<see cref="AllocationPriority"/>) and when it arrived.
/// </summary>
public sealed record BackorderedLine(string OrderId, string LineId, string Segment, string Sku, string Node, long Quantity,
    AllocationPriority Priority, DateTimeOffset ArrivedAt)
{
    /// <summary>Negative when <paramref name="a"/> is served first.</summary>
    public static int Compare(BackorderedLine a, BackorderedLine b)
    {
        var order = AllocationPriority.Compare(a.Priority, a.ArrivedAt, a.OrderId, b.Priority, b.ArrivedAt, b.OrderId);
        return order != 0 ? order : string.CompareOrdinal(a.LineId, b.LineId);
    }
}
