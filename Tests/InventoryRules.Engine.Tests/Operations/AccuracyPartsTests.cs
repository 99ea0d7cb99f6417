using InventoryRules.Engine.Operations;

namespace InventoryRules.Engine.Tests.Operations;

/// <summary>Record accuracy in additive parts, with the count-variance tolerance (5 units or 10 %).</summary>
public class AccuracyPartsTests
{
    static readonly AnomalyPolicy Policy = AnomalyPolicy.Default;

    [TestCase(98, 100, 1)]
    [TestCase(95, 100, 1)]
    [TestCase(30, 50, 0)]
    [TestCase(115, 100, 0)]
    [TestCase(3, 0, 1)]
    public void Of_OneCount_WithinToleranceAsAnomaliesJudge(long counted, long system, long within) =>
        AccuracyParts.Of(counted, system, Policy).WithinTolerance.Should().Be(within);

    [Test]
    public void Add_TwoNodes_SharesFromSums()
    {
        var total = AccuracyParts.Of(98, 100, Policy).Add(AccuracyParts.Of(30, 50, Policy)).Add(AccuracyParts.Of(10, 10, Policy));

        total.Should().Be(new AccuracyParts(3, 2, 138, 22));
        total.CountAccuracy.Should().BeApproximately(2.0 / 3, 1e-9);
        total.UnitAccuracy.Should().BeApproximately(1 - 22.0 / 138, 1e-9);
    }

    [Test]
    public void UnitAccuracy_NothingCountedAgainstStock_FlooredAtZero() =>
        AccuracyParts.Of(0, 40, Policy).UnitAccuracy.Should().Be(0);

    [Test]
    public void Shares_NoCounts_Null()
    {
        default(AccuracyParts).CountAccuracy.Should().BeNull();
        default(AccuracyParts).UnitAccuracy.Should().BeNull();
    }
}
