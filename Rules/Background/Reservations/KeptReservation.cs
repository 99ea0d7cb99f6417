namespace InventoryRules.Rules.Background.Reservations;

/// <summary>A reservation not flagged (yet), with the floor its segment may not take at the node under the new version.</summary>
public sealed record KeptReservation(OpenReservation Reservation, long Floor)
{
    public bool At(string sku, string node) => Reservation.Sku == sku && Reservation.Node == node;

    public bool SamePosition(KeptReservation other) => other.At(Reservation.Sku, Reservation.Node);

    /// <summary>The position commits more than this reservation's segment may use: on-hand less its floor.</summary>
    public bool Uncovered(PositionCommitted committed, PositionOnHand stock) => committed.Units > stock.OnHand - Floor;
}
