namespace InventoryRules.Rules.Background.Reservations;

/// <summary>
/// Re-evaluates open reservations when a rule set is published (one session per run): those at nodes the new
/// version makes ineligible for the order, then those a position can no longer cover once the new safety stock
/// and holds apply, lowest allocation priority first. The caller re-sources the flagged ones.
/// </summary>
public static class ReservationReevaluation
{
    static readonly RulePack Pack = new(typeof(IneligibleNodeReservationRule), typeof(OverCommittedReservationRule));

    /// <param name="eligibility">Per (order, node) of a reservation, as the engine judged it under the new version; a missing pair counts as eligible.</param>
    /// <param name="floors">Per (sku, node, segment) under the new version; a missing floor is 0.</param>
    public static ReservationReevaluationReport Run(IReadOnlyCollection<OpenReservation> reservations, IReadOnlyCollection<NodeEligibility> eligibility,
        IReadOnlyCollection<PositionOnHand> stock, IReadOnlyCollection<SegmentFloor> floors)
    {
        var floorOf = floors.GroupBy(f => (f.Sku, f.Node, f.Segment)).ToDictionary(g => g.Key, g => g.First().Units);
        var open = reservations.Where(r => r.Units > 0).Distinct().ToList();
        var onHand = stock.GroupBy(s => (s.Sku, s.Node)).ToDictionary(g => g.Key, g => g.First());
        var session = Pack.NewSession();
        session.InsertAll(open.Select(r => new KeptReservation(r, floorOf.GetValueOrDefault((r.Sku, r.Node, r.Segment)))));
        session.InsertAll(eligibility.Distinct());
        // A position the caller did not give has nothing on hand: every reservation there is uncovered.
        session.InsertAll(open.GroupBy(r => (r.Sku, r.Node)).Select(g => onHand.GetValueOrDefault(g.Key) ?? new PositionOnHand(g.Key.Sku, g.Key.Node, 0)));
        session.InsertAll(open.GroupBy(r => (r.Sku, r.Node)).Select(g => new PositionCommitted(g.Key.Sku, g.Key.Node, g.Sum(r => r.Units))));
        var fired = session.Fire();

        var flagged = session.Query<ReservationFlag>().ToList();
        // Lowest allocation priority first, as they should be re-sourced (the best-ranked last, when the most is free).
        flagged.Sort((a, b) => OpenReservation.Compare(b.Reservation, a.Reservation));
        return new ReservationReevaluationReport(flagged, open.Count - flagged.Count, [.. flagged.Select(f => f.Text)], fired);
    }
}
