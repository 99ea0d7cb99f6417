using CsCheck;
using InventoryRules.Rules.Background;
using InventoryRules.Rules.Background.Backorders;

namespace InventoryRules.Rules.Tests.Background;

/// <summary>Backorder release on receipt: by allocation priority, within each segment's available to promise.</summary>
public class BackorderReleasingTests
{
    static readonly DateTimeOffset Monday = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    static BackorderedLine Line(string order, long quantity, double score, string segment = "retail", double arrivedHoursAgo = 24,
        string node = "DC-1", string lineId = "1") =>
        new(order, lineId, segment, "SKU-1", node, quantity, new AllocationPriority("prio", score, [], []), Monday.AddHours(-arrivedHoursAgo));

    [Test]
    public void Run_ThreeBackordersAndAReceiptThatCoversTwo_ReleasesTheTwoBestRanked()
    {
        var report = BackorderReleasing.Run(
            [Line("O-LOW", 10, 20), Line("O-HIGH", 10, 140), Line("O-MID", 10, 60)],
            [new StockAtNode("SKU-1", "DC-1", OnHand: 24, Committed: 0)],
            [new SegmentFloor("SKU-1", "DC-1", "retail", SafetyStock: 4, HeldForOthers: 0)]);

        report.Released.Select(r => (r.Line.OrderId, r.Units)).Should().Equal(("O-HIGH", 10L), ("O-MID", 10L));
        report.Waiting.Should().ContainSingle().Which.Should().Match<BackorderWait>(w => w.Line.OrderId == "O-LOW" && w.Units == 10 && w.Atp == 0);
        report.Lines[0].Should().Be("#1 O-HIGH line 1 (retail) SKU-1 at DC-1: released 10 of 10 (score 140 by prio; ATP 20 → 10)");
        report.Lines[2].Should().Be("O-LOW line 1 (retail) SKU-1 at DC-1: 10 of 10 still waiting (ATP for retail 0; safety stock and holds keep 4)");
    }

    [Test]
    public void Run_ShortReceipt_ReleasesPartOfTheBestLine()
    {
        var report = BackorderReleasing.Run([Line("O-1", 10, 50), Line("O-2", 5, 10)], [new StockAtNode("SKU-1", "DC-1", 7, 0)], []);

        report.Released.Should().ContainSingle().Which.Units.Should().Be(7);
        report.Waiting.Select(w => (w.Line.OrderId, w.Units)).Should().Equal(("O-1", 3L), ("O-2", 5L));
    }

    [Test]
    public void Run_EqualScores_FirstComeFirstServed()
    {
        var report = BackorderReleasing.Run([Line("O-LATE", 5, 50, arrivedHoursAgo: 1), Line("O-EARLY", 5, 50, arrivedHoursAgo: 30)],
            [new StockAtNode("SKU-1", "DC-1", 5, 0)], []);

        report.Released.Single().Line.OrderId.Should().Be("O-EARLY");
    }

    [Test]
    public void Run_TieBreaks_DecideBetweenEqualScores()
    {
        BackorderedLine WithMargin(string order, double margin) =>
            Line(order, 5, 50) with { Priority = new AllocationPriority("prio", 50, [margin], [true]) };

        var report = BackorderReleasing.Run([WithMargin("O-THIN", 2), WithMargin("O-FAT", 9)], [new StockAtNode("SKU-1", "DC-1", 5, 0)], []);

        report.Released.Single().Line.OrderId.Should().Be("O-FAT");
    }

    [Test]
    public void Run_SegmentWhoseFloorEatsTheStock_DoesNotBlockAnotherSegment()
    {
        // VIP ranks first but other segments' holds leave it nothing; retail's floor is lower.
        var report = BackorderReleasing.Run([Line("O-VIP", 5, 200, segment: "vip"), Line("O-RETAIL", 5, 10)],
            [new StockAtNode("SKU-1", "DC-1", 12, 2)],
            [new SegmentFloor("SKU-1", "DC-1", "vip", 0, 10), new SegmentFloor("SKU-1", "DC-1", "retail", 4, 0)]);

        report.Released.Should().ContainSingle().Which.Should().Match<BackorderRelease>(r => r.Line.OrderId == "O-RETAIL" && r.Units == 5);
        report.Waiting.Single().Line.OrderId.Should().Be("O-VIP");
    }

    [Test]
    public void Run_LinesAtOtherNodes_UseTheirOwnStock()
    {
        var report = BackorderReleasing.Run([Line("O-1", 5, 10, node: "DC-1"), Line("O-2", 5, 90, node: "DC-2")],
            [new StockAtNode("SKU-1", "DC-1", 5, 0), new StockAtNode("SKU-1", "DC-2", 0, 0)], []);

        report.Released.Single().Line.OrderId.Should().Be("O-1");
    }

    [Test]
    public void Run_RandomBacklogs_NeverReleaseMoreThanAnySegmentsAtp()
    {
        string[] segments = ["retail", "vip", "ecommerce"];
        Gen.Select(Gen.Int[1, 8], Gen.Int).Sample((count, seed) =>
        {
            var random = new Random(seed);
            var lines = Enumerable.Range(0, count).Select(i => Line($"O-{i}", random.Next(1, 15), random.Next(0, 5) * 10,
                segments[random.Next(3)], random.Next(0, 48), random.Next(2) == 0 ? "DC-1" : "DC-2")).ToList();
            var stock = new[] { "DC-1", "DC-2" }.Select(n => new StockAtNode("SKU-1", n, random.Next(0, 40), random.Next(0, 10))).ToList();
            var floors = segments.SelectMany(s => stock.Select(p => new SegmentFloor("SKU-1", p.Node, s, random.Next(0, 6), random.Next(0, 6)))).ToList();

            var report = BackorderReleasing.Run(lines, stock, floors);

            foreach (var p in stock)
            {
                var free = Math.Max(0, p.OnHand - p.Committed);
                var here = report.Released.Where(r => r.Line.Node == p.Node).ToList();
                here.Sum(r => r.Units).Should().BeLessThanOrEqualTo(free);
                foreach (var r in here)
                {
                    var floor = floors.Single(f => f.Node == p.Node && f.Segment == r.Line.Segment).Units;
                    r.Units.Should().BeLessThanOrEqualTo(r.AtpBefore);
                    r.AtpBefore.Should().BeLessThanOrEqualTo(Math.Max(0, free - floor));
                }
            }
            foreach (var l in lines) report.Released.Where(r => r.Line == l).Sum(r => r.Units).Should().BeLessThanOrEqualTo(l.Quantity);
        }, iter: 150);
    }
}
