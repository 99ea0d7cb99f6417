namespace InventoryRules.Engine.Stock;

/// <summary>
/// Shelf life of the lots at a position, in whole days as decisions count it (the snapshot's
/// RemainingShelfLifeDays), and which of them a reorder rule may count as available.
/// </summary>
internal static class ShelfLife
{
    /// <summary>Whole days until <paramref name="expiry"/>; 0 once it has passed.</summary>
    public static int DaysLeft(DateTimeOffset expiry, DateTimeOffset now) =>
        expiry > now ? (int)Math.Min(int.MaxValue, Math.Floor((expiry - now).TotalDays)) : 0;

    /// <summary>Days until the soonest expiry still ahead, as decisions read it; 0 when none is known.</summary>
    public static int Earliest(ReadOnlySpan<StockLot> lots, DateTimeOffset now)
    {
        DateTimeOffset? earliest = null;
        foreach (var lot in lots)
        {
            if (lot.ExpiresAt is { } e && e > now && (earliest is null || e < earliest)) earliest = e;
        }
        return earliest is { } at ? DaysLeft(at, now) : 0;
    }

    /// <summary>
    /// Units in lots with fewer than <paramref name="minDays"/> days left (expired lots included), and the
    /// days left of the soonest-expiring lot that still counts, or of the soonest of all when none does
    /// (-1 when no lot has a known expiry).
    /// </summary>
    public static (long Excluded, int DaysLeft) Split(ReadOnlySpan<StockLot> lots, DateTimeOffset now, int minDays)
    {
        long excluded = 0;
        int usable = -1, any = -1;
        foreach (var lot in lots)
        {
            if (lot.ExpiresAt is not { } e) continue;
            var days = DaysLeft(e, now);
            if (any < 0 || days < any) any = days;
            if (days < minDays) excluded += Math.Max(0, lot.Quantity);
            else if (usable < 0 || days < usable) usable = days;
        }
        return (excluded, usable >= 0 ? usable : any);
    }
}
