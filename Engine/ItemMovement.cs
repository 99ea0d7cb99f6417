namespace InventoryRules.Engine;

/// <summary>
/// A position's movement history in one direction (in or out) in brief: how many sellable movements
/// and their total size. Kept per direction because a DC's weekly receipt is rightly far larger than
/// its daily picks.
/// </summary>
public readonly record struct ItemMovement(long Events, long Units)
{
    public double Mean => Events == 0 ? 0 : (double)Units / Events;

    public ItemMovement Add(long units) => new(Events + 1, Units + Math.Abs(units));

    public const string Inbound = "in";
    public const string Outbound = "out";

    public static string Direction(LedgerEvent e) => e.Effect.OnHand >= 0 ? Inbound : Outbound;

    /// <summary>Counts, status moves and supply bookings are not demand or supply movement.</summary>
    public static bool Counts(LedgerEvent e) =>
        e.Authoritative && !e.IsCount && e.Type != EventType.StatusChange && e.Effect.OnHand != 0;
}
