using static InventoryRules.Engine.Tests.TestEvents;

namespace InventoryRules.Engine.Tests;

/// <summary>Which batches and counts raise an anomaly for operations.</summary>
public class AnomalyDetectorTests
{
    /// <summary>Spike above 10x the mean and above 50 units, after 20 movements; variance beyond 5 units and 10 %.</summary>
    static readonly AnomalyPolicy Policy = new(10, 50, 20, 5, 0.10, new HashSet<string>(AnomalyKinds.All, StringComparer.Ordinal));

    /// <summary>20 movements averaging 8 eaches: the spike threshold is 80.</summary>
    static readonly ItemMovement Usual = new(20, 160);

    static readonly PositionState Empty = PositionState.Empty(new ItemId(TestData.Bolt), new NodeId(TestData.Dc));

    /// <summary>The history given is the position's outbound movement; it has no inbound history.</summary>
    static List<DetectedAnomaly> Detect(long onHandBefore, long onHandAfter, ItemMovement movement, params LedgerEvent[] fresh) =>
        [.. AnomalyDetector.ForPosition(Empty with { OnHand = onHandBefore }, Empty with { OnHand = onHandAfter }, fresh,
            direction => direction == ItemMovement.Outbound ? movement : default, Policy)];

    [Test]
    public void ForPosition_LargeReceiptWithOnlyOutboundHistory_NoSpike() =>
        Detect(10, 1010, Usual, Receipt("r1", 0, 1000)).Should().BeEmpty("a bulk receipt is judged against receipts, not against sales");

    [TestCase(0, -1)]
    [TestCase(5, -3)]
    public void ForPosition_OnHandCrossesBelowZero_ReportsNegativeOnHand(long before, long after) =>
        Detect(before, after, default, Sale("s1", 0, before - after)).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Kind = AnomalyKinds.NegativeOnHand, Observed = after, Expected = 0L });

    [TestCase(-3, -8)]
    [TestCase(-3, -1)]
    [TestCase(5, 0)]
    public void ForPosition_NotCrossingBelowZero_ReportsNoNegativeOnHand(long before, long after) =>
        Detect(before, after, default, Sale("s1", 0, 1)).Should().NotContain(a => a.Kind == AnomalyKinds.NegativeOnHand);

    [Test]
    public void ForPosition_MovementAboveFactorTimesMean_ReportsSpike()
    {
        var sale = Sale("s1", 0, 81);

        Detect(1000, 919, Usual, sale).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = AnomalyKinds.MovementSpike,
            Event = (EventKey?)sale.Key,
            Observed = 81L,
            Expected = 8L,
        });
    }

    [TestCase(80)]
    [TestCase(12)]
    public void ForPosition_MovementUpToFactorTimesMean_ReportsNothing(long eaches) =>
        Detect(1000, 1000 - eaches, Usual, Sale("s1", 0, eaches)).Should().BeEmpty();

    [Test]
    public void ForPosition_TooFewMovementsOnRecord_ReportsNoSpike() =>
        Detect(1000, 500, new ItemMovement(19, 152), Sale("s1", 0, 500)).Should().BeEmpty();

    [Test]
    public void ForPosition_AboveFactorButBelowMinimumUnits_ReportsNoSpike() =>
        Detect(1000, 960, new ItemMovement(20, 20), Sale("s1", 0, 40)).Should().BeEmpty();

    [Test]
    public void ForPosition_LargeNegativeAdjustment_ReportsSpikeBySize() =>
        Detect(1000, 800, Usual, Accept(Input("adjustment", -200))).Should().ContainSingle()
            .Which.Observed.Should().Be(200);

    [Test]
    public void ForPosition_LargeCountOrStatusChange_IsNotMovement() =>
        Detect(0, 5000, Usual, Count("c1", 0, 5000), Move("m1", 1, 900, "sellable", "damaged")).Should().BeEmpty();

    [Test]
    public void ForPosition_LargeSaleFromNonAuthoritativeSource_ReportsNoSpike() =>
        Detect(1000, 1000, Usual, Sale("s1", 0, 900, source: "WMS", node: TestData.Store)).Should().BeEmpty();

    static CountVariance Variance(long counted, long system) =>
        new(new EventKey("WMS", "c1"), new ItemId(TestData.Bolt), new NodeId(TestData.Dc), T0, counted, system);

    [TestCase(111, 100)]
    [TestCase(89, 100)]
    [TestCase(6, 0)]
    [TestCase(0, 6)]
    public void ForCount_VarianceOverTolerance_ReportsCountVariance(long counted, long system) =>
        AnomalyDetector.ForCount(Variance(counted, system), Policy).Should().BeEquivalentTo(new
        {
            Kind = AnomalyKinds.CountVariance,
            Observed = counted,
            Expected = system,
            Event = (EventKey?)new EventKey("WMS", "c1"),
        });

    [TestCase(110, 100)]
    [TestCase(90, 100)]
    [TestCase(5, 0)]
    [TestCase(100, 100)]
    [TestCase(4, 9)]
    public void ForCount_VarianceWithinTolerance_ReportsNothing(long counted, long system) =>
        AnomalyDetector.ForCount(Variance(counted, system), Policy).Should().BeNull();
}
