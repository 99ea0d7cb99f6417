using CsCheck;
using InventoryRules.Rules.Background.CrossDock;

namespace InventoryRules.Rules.Tests.Background;

/// <summary>Cross-dock matching of inbound supply to open outbound demand, in scenarios a DC planner would recognise.</summary>
public class CrossDockMatchingTests
{
    static readonly DateTimeOffset Monday = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    static InboundSupply Asn(string reference, long quantity, double etaHours, string sku = "SKU-1", string node = "DC-EAST") =>
        new(reference, sku, node, quantity, Monday.AddHours(etaHours));

    static OpenDemand Line(string order, string line, long quantity, double needByHours, string segment = "retail", string sku = "SKU-1",
        string node = "DC-EAST", double arrivedHoursAgo = 24) =>
        new(order, line, segment, sku, node, quantity, Monday.AddHours(needByHours), Monday.AddHours(-arrivedHoursAgo));

    static CrossDockTerms Terms(string node = "DC-EAST", string segment = "retail", long min = 12, double dwell = 24, string sku = "SKU-1") =>
        new(sku, node, segment, "xd-dc", min, dwell);

    [Test]
    public void Run_TwoOrdersCompetingForOneAsn_EarliestNeedByIsServedFirst()
    {
        var report = CrossDockMatching.Run([Asn("ASN-9", 24, 2)], [Line("O-18", "1", 20, 20), Line("O-17", "1", 16, 8)], [Terms()]);

        report.Matches.Select(m => (m.Demand.OrderId, m.Quantity)).Should().Equal(("O-17", 16L), ("O-18", 8L));
        report.DemandOpen.Should().ContainSingle().Which.Should().Be(new DemandLeft("O-18", "1", 12));
        report.SupplyLeftOver.Should().BeEmpty();
        report.Lines[0].Should().Be("ASN-9 SKU-1 16 units at DC-EAST → cross-dock to order O-17 line 1 (needed by 11-23, dwell 6 h; rule xd-dc)");
    }

    [Test]
    public void Run_DwellLongerThanTheSegmentAllows_IsNotCrossDocked()
    {
        var report = CrossDockMatching.Run([Asn("ASN-1", 24, 2)], [Line("O-1", "1", 10, 2 + 30)], [Terms(dwell: 24)]);

        report.Matches.Should().BeEmpty();
        report.Lines.Should().Equal("ASN-1 SKU-1 24 units at DC-EAST: no open demand within the cross-dock terms → put away");
    }

    [Test]
    public void Run_SupplyArrivingAfterTheNeedBy_IsNotCrossDocked()
    {
        CrossDockMatching.Run([Asn("ASN-1", 24, 10)], [Line("O-1", "1", 10, 8)], [Terms()]).Matches.Should().BeEmpty();
    }

    [Test]
    public void Run_NodeWithoutCrossDockTerms_IsIgnored()
    {
        // DC-WEST has no cross_dock capability (or no rule covers it): the builder gave it no terms.
        var report = CrossDockMatching.Run([Asn("ASN-2", 24, 2, node: "DC-WEST")], [Line("O-1", "1", 10, 8, node: "DC-WEST")], [Terms()]);

        report.Matches.Should().BeEmpty();
        report.DemandOpen.Should().ContainSingle();
    }

    [Test]
    public void Run_ShipmentBelowTheMinimum_IsPutAway()
    {
        CrossDockMatching.Run([Asn("ASN-3", 6, 2)], [Line("O-1", "1", 6, 8)], [Terms(min: 12)]).Matches.Should().BeEmpty();
    }

    [Test]
    public void Run_EachSegment_UsesItsOwnTerms()
    {
        var report = CrossDockMatching.Run([Asn("ASN-4", 30, 0)],
            [Line("O-R", "1", 10, 20, segment: "retail"), Line("O-E", "1", 10, 20, segment: "ecommerce")],
            [Terms(segment: "retail", dwell: 24), Terms(segment: "ecommerce", dwell: 12)]);

        report.Matches.Should().ContainSingle().Which.Demand.OrderId.Should().Be("O-R");
    }

    [Test]
    public void Run_LineOfferedAtTwoNodes_IsCoveredOnce()
    {
        var report = CrossDockMatching.Run([Asn("ASN-5", 24, 1), Asn("ASN-6", 24, 1, node: "DC-WEST")],
            [Line("O-1", "1", 10, 8), Line("O-1", "1", 10, 8, node: "DC-WEST")], [Terms(), Terms(node: "DC-WEST")]);

        report.Matches.Sum(m => m.Quantity).Should().Be(10);
    }

    [Test]
    public void Run_SeveralAsns_FillOneLargeLineInEtaOrder()
    {
        var report = CrossDockMatching.Run([Asn("ASN-B", 24, 4), Asn("ASN-A", 24, 1)], [Line("O-1", "1", 40, 12)], [Terms()]);

        report.Matches.Select(m => (m.Supply.Reference, m.Quantity)).Should().Equal(("ASN-A", 24L), ("ASN-B", 16L));
        report.SupplyLeftOver.Should().ContainSingle().Which.Units.Should().Be(8);
    }

    [Test]
    public void Run_RandomSupplyAndDemand_NeverMatchesASupplyUnitTwiceNorOverCoversALine()
    {
        var gen = Gen.Select(Gen.Int[1, 6], Gen.Int[1, 8], Gen.Int);
        gen.Sample((supplies, demands, seed) =>
        {
            var random = new Random(seed);
            string Node() => random.Next(2) == 0 ? "DC-EAST" : "DC-WEST";
            var supply = Enumerable.Range(0, supplies).Select(i => Asn($"ASN-{i}", random.Next(1, 60), random.Next(0, 48), node: Node())).ToList();
            var demand = Enumerable.Range(0, demands).Select(i => Line($"O-{i}", "1", random.Next(1, 40), random.Next(0, 72),
                segment: random.Next(2) == 0 ? "retail" : "ecommerce", node: Node())).ToList();
            var terms = new[] { "DC-EAST", "DC-WEST" }.SelectMany(n => new[] { Terms(n, "retail", 6, 24), Terms(n, "ecommerce", 1, 12) }).ToList();

            var report = CrossDockMatching.Run(supply, demand, terms);

            foreach (var s in supply) report.Matches.Where(m => m.Supply == s).Sum(m => m.Quantity).Should().BeLessThanOrEqualTo(s.Quantity);
            foreach (var d in demand) report.Matches.Where(m => m.Demand.OrderId == d.OrderId).Sum(m => m.Quantity).Should().BeLessThanOrEqualTo(d.Quantity);
            report.Matches.Should().NotContain(m => m.Quantity <= 0 || m.DwellHours < 0 || m.Supply.Node != m.Demand.Node);
        }, iter: 100);
    }
}
