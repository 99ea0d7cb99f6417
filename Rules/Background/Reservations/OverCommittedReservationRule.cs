using NRules.Fluent.Dsl;

namespace InventoryRules.Rules.Background.Reservations;

/// <summary>
/// While a position commits more than a reservation's segment may use under the new safety stock and holds,
/// the lowest-ranked such reservation (worst allocation priority, then the newest) is flagged, one at a time,
/// until the rest fit.
/// </summary>
[Name("Reservations: over-committed under the new floors, lowest priority first")]
public sealed class OverCommittedReservationRule : Rule
{
    public override void Define()
    {
        KeptReservation kept = default!;
        PositionCommitted committed = default!;
        PositionOnHand stock = default!;
        When()
            .Match(() => kept)
            .Match(() => committed, c => kept.At(c.Sku, c.Node))
            .Match(() => stock, s => kept.At(s.Sku, s.Node), s => kept.Uncovered(committed, s))
            .Not<KeptReservation>(k => k != kept && k.SamePosition(kept) && k.Uncovered(committed, stock)
                && OpenReservation.Compare(kept.Reservation, k.Reservation) < 0);
        Then().Do(ctx => Flag(ctx, kept, committed, stock));
    }

    static void Flag(NRules.RuleModel.IContext ctx, KeptReservation kept, PositionCommitted committed, PositionOnHand stock)
    {
        ctx.Retract(kept);
        ctx.Retract(committed);
        ctx.Insert(committed with { Units = committed.Units - kept.Reservation.Units });
        ctx.Insert(new ReservationFlag(kept.Reservation, ReservationFlagReasons.OverCommitted,
            $"{committed.Units} committed but only {Math.Max(0, stock.OnHand - kept.Floor)} of {stock.OnHand} on hand may be promised to"
            + $" {kept.Reservation.Segment} after safety stock and holds ({kept.Floor}); lowest allocation priority goes first"));
    }
}
