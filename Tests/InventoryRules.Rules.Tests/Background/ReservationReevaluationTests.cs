using CsCheck;
using InventoryRules.Rules.Background;
using InventoryRules.Rules.Background.Reservations;

namespace InventoryRules.Rules.Tests.Background;

/// <summary>Open reservations re-evaluated when a rule set is published.</summary>
public class ReservationReevaluationTests
{
    static readonly DateTimeOffset Monday = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    static OpenReservation Reservation(string id, long units, double score, string segment = "retail", string node = "DC-1", double hoursAgo = 5) =>
        new(id, "O-" + id, "1", segment, "SKU-1", node, units, new AllocationPriority("prio", score, [], []), Monday.AddHours(-hoursAgo));

    [Test]
    public void Run_HigherSafetyStock_FlagsTheLowestPriorityUntilTheRestFit()
    {
        // 30 on hand, 28 committed; the new version keeps 10 back: 20 may stay committed.
        var report = ReservationReevaluation.Run(
            [Reservation("R-HIGH", 10, 140), Reservation("R-MID", 10, 60), Reservation("R-LOW", 8, 20)], [],
            [new PositionOnHand("SKU-1", "DC-1", 30)], [new SegmentFloor("SKU-1", "DC-1", "retail", 10, 0)]);

        report.Flagged.Select(f => (f.Reservation.ReservationId, f.Reason)).Should().Equal(("R-LOW", ReservationFlagReasons.OverCommitted));
        report.Kept.Should().Be(2);
        report.Lines.Single().Should().StartWith("R-LOW (O-R-LOW line 1, retail) 8 × SKU-1 at DC-1: re-source — 28 committed but only 20 of 30");
    }

    [Test]
    public void Run_NodeNoLongerEligible_FlagsItsReservationsFirst()
    {
        var report = ReservationReevaluation.Run(
            [Reservation("R-A", 10, 100), Reservation("R-B", 10, 10)],
            [new NodeEligibility("O-R-A", "DC-1", false, "not duty-paid for CH")],
            [new PositionOnHand("SKU-1", "DC-1", 20)], [new SegmentFloor("SKU-1", "DC-1", "retail", 5, 0)]);

        // Flagging R-A frees 10: R-B (10) fits under 20 − 5 without being flagged.
        report.Flagged.Should().ContainSingle().Which.Should().Match<ReservationFlag>(f => f.Reservation.ReservationId == "R-A"
            && f.Reason == ReservationFlagReasons.NodeIneligible && f.Detail.Contains("not duty-paid for CH"));
    }

    [Test]
    public void Run_EnoughStock_FlagsNothing()
    {
        ReservationReevaluation.Run([Reservation("R-1", 5, 1), Reservation("R-2", 5, 2)], [new NodeEligibility("O-R-1", "DC-1", true, null)],
            [new PositionOnHand("SKU-1", "DC-1", 20)], [new SegmentFloor("SKU-1", "DC-1", "retail", 10, 0)]).Flagged.Should().BeEmpty();
    }

    [Test]
    public void Run_SegmentEntitledToTheFloor_KeepsWhatOthersLose()
    {
        // vip may take safety stock (floor 0); retail may not (floor 8): 18 on hand, 16 committed.
        var report = ReservationReevaluation.Run([Reservation("R-VIP", 8, 10, segment: "vip"), Reservation("R-RETAIL", 8, 50)], [],
            [new PositionOnHand("SKU-1", "DC-1", 18)],
            [new SegmentFloor("SKU-1", "DC-1", "retail", 8, 0), new SegmentFloor("SKU-1", "DC-1", "vip", 0, 0)]);

        report.Flagged.Single().Reservation.ReservationId.Should().Be("R-RETAIL");
    }

    [Test]
    public void Run_TwoFlagged_AreListedLowestPriorityFirst()
    {
        var report = ReservationReevaluation.Run([Reservation("R-1", 5, 30), Reservation("R-2", 5, 10), Reservation("R-3", 5, 90)], [],
            [new PositionOnHand("SKU-1", "DC-1", 5)], []);

        report.Flagged.Select(f => f.Reservation.ReservationId).Should().Equal("R-2", "R-1");
    }

    [Test]
    public void Run_RandomReservations_LeaveEveryPositionCoveredForEachKeptSegment()
    {
        string[] segments = ["retail", "vip"];
        Gen.Select(Gen.Int[1, 8], Gen.Int).Sample((count, seed) =>
        {
            var random = new Random(seed);
            var reservations = Enumerable.Range(0, count).Select(i => Reservation($"R-{i}", random.Next(1, 12), random.Next(0, 4) * 10,
                segments[random.Next(2)], random.Next(2) == 0 ? "DC-1" : "DC-2", random.Next(0, 40))).ToList();
            var stock = new[] { "DC-1", "DC-2" }.Select(n => new PositionOnHand("SKU-1", n, random.Next(0, 50))).ToList();
            var floors = segments.SelectMany(s => stock.Select(p => new SegmentFloor("SKU-1", p.Node, s, random.Next(0, 10), 0))).ToList();

            var report = ReservationReevaluation.Run(reservations, [], stock, floors);

            var flagged = report.Flagged.Select(f => f.Reservation).ToHashSet();
            foreach (var p in stock)
            {
                var kept = reservations.Where(r => r.Node == p.Node && !flagged.Contains(r)).ToList();
                foreach (var r in kept)
                {
                    kept.Sum(k => k.Units).Should().BeLessThanOrEqualTo(p.OnHand - floors.Single(f => f.Node == p.Node && f.Segment == r.Segment).Units);
                }
            }
        }, iter: 150);
    }
}
