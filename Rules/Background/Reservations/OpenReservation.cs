namespace InventoryRules.Rules.Background.Reservations;

/// <summary>An open (soft or confirmed, not shipped) reservation of units at a node for an order line, and how its order ranks.</summary>
public sealed record OpenReservation(string ReservationId, string OrderId, string LineId, string Segment, string Sku, string Node, long Units,
    AllocationPriority Priority, DateTimeOffset CreatedAt)
{
    /// <summary>Negative when <paramref name="a"/> keeps its units before <paramref name="b"/> does: the better priority, then the older reservation.</summary>
    public static int Compare(OpenReservation a, OpenReservation b)
    {
        var order = AllocationPriority.Compare(a.Priority, a.CreatedAt, a.OrderId, b.Priority, b.CreatedAt, b.OrderId);
        if (order == 0) order = string.CompareOrdinal(a.LineId, b.LineId);
        return order != 0 ? order : string.CompareOrdinal(a.ReservationId, b.ReservationId);
    }
}
