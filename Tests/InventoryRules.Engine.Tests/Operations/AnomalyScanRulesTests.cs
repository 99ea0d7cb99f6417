using InventoryRules.Engine.Operations;

namespace InventoryRules.Engine.Tests.Operations;

/// <summary>What the anomaly scan finds in stored state.</summary>
public class AnomalyScanRulesTests
{
    static readonly ItemId Bolt = new(TestData.Bolt);
    static readonly NodeId Dc = new(TestData.Dc);
    static readonly DateTimeOffset Now = TestData.Now;
    static readonly Segment Vip = new("vip", "VIP", TimeSpan.FromSeconds(60), 0.98);
    static readonly Segment Retail = new("retail", "Retail", TimeSpan.FromMinutes(15), 0.95);

    [TestCase(-2, 0, AnomalyKinds.NegativeOnHand)]
    [TestCase(-2, 5, AnomalyKinds.NegativeOnHand)]
    [TestCase(3, 5, AnomalyKinds.Overcommitted)]
    [TestCase(5, 5, null)]
    [TestCase(0, 0, null)]
    public void Negative_Position_KindOrNone(long onHand, long committed, string? kind) =>
        (AnomalyScanRules.Negative(Bolt, Dc, onHand, committed)?.Kind).Should().Be(kind);

    [Test]
    public void Negative_Overcommitted_SaysHowManyUncovered() =>
        AnomalyScanRules.Negative(Bolt, Dc, 2, 5)!.Detail.Should().Contain("3 reserved eaches are not covered");

    [Test]
    public void Spike_JudgedWithoutItself_UsesIngestThresholds()
    {
        // 20 sales of 2 plus the 90 itself: without it the mean is 2, so the threshold is max(50, 10 x 2) = 50.
        var withIt = new ItemMovement(21, 130);

        var spike = AnomalyScanRules.Spike("sale", Bolt, Dc, new EventKey("WMS", "s"), -90, withIt, AnomalyPolicy.Default);

        spike.Should().BeEquivalentTo(new { Kind = AnomalyKinds.MovementSpike, Observed = 90L, Expected = 2L });
    }

    [Test]
    public void Spike_TooLittleHistoryWithoutIt_None() =>
        AnomalyScanRules.Spike("sale", Bolt, Dc, new EventKey("WMS", "s"), -90, new ItemMovement(20, 128), AnomalyPolicy.Default).Should().BeNull();

    [Test]
    public void Strictest_SeveralSegments_SmallestTolerance() =>
        AnomalyScanRules.Strictest([Retail, Vip])!.Code.Should().Be("vip");

    [TestCase(59, 10, false)]
    [TestCase(61, 10, true)]
    [TestCase(3600, 0, false)]
    public void Stale_FeedAgeAgainstStrictest(int ageSeconds, long onHand, bool stale) =>
        (AnomalyScanRules.Stale(Bolt, Dc, onHand, Now.AddSeconds(-ageSeconds), Now, Vip) is not null).Should().Be(stale);

    [Test]
    public void Stale_NeverReported_StaleAndSaysSo() =>
        AnomalyScanRules.Stale(Bolt, Dc, 4, null, Now, Vip)!.Detail.Should().Contain("never reported");

    [Test]
    public void Stale_NoSegments_None() => AnomalyScanRules.Stale(Bolt, Dc, 4, null, Now, null).Should().BeNull();
}
