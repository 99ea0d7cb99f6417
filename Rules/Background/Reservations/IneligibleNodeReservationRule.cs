using NRules.Fluent.Dsl;

namespace InventoryRules.Rules.Background.Reservations;

/// <summary>A reservation at a node the new version no longer lets serve its order is flagged first, freeing its units for the rest.</summary>
[Name("Reservations: node no longer eligible"), Priority(10)]
public sealed class IneligibleNodeReservationRule : Rule
{
    public override void Define()
    {
        KeptReservation kept = default!;
        NodeEligibility eligibility = default!;
        PositionCommitted committed = default!;
        When()
            .Match(() => kept)
            .Match(() => eligibility, e => !e.Eligible && e.OrderId == kept.Reservation.OrderId && e.Node == kept.Reservation.Node)
            .Match(() => committed, c => kept.At(c.Sku, c.Node));
        Then().Do(ctx => Flag(ctx, kept, committed, eligibility));
    }

    static void Flag(NRules.RuleModel.IContext ctx, KeptReservation kept, PositionCommitted committed, NodeEligibility eligibility)
    {
        ctx.Retract(kept);
        ctx.Retract(committed);
        ctx.Insert(committed with { Units = committed.Units - kept.Reservation.Units });
        ctx.Insert(new ReservationFlag(kept.Reservation, ReservationFlagReasons.NodeIneligible,
            $"{kept.Reservation.Node} no longer serves this order: {(string.IsNullOrWhiteSpace(eligibility.Reason) ? "not eligible" : eligibility.Reason)}"));
    }
}
