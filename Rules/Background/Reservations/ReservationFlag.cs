namespace InventoryRules.Rules.Background.Reservations;

/// <summary>A reservation to re-source, why (<see cref="ReservationFlagReasons"/>), and in words.</summary>
public sealed record ReservationFlag(OpenReservation Reservation, string Reason, string Detail)
{
    public string Text =>
        $"{Reservation.ReservationId} ({Reservation.OrderId} line {Reservation.LineId}, {Reservation.Segment}) {Reservation.Units} × {Reservation.Sku}"
        + $" at {Reservation.Node}: re-source — {Detail}";
}
