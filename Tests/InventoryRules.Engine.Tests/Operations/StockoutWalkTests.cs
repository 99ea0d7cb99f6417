using InventoryRules.Engine.Operations;

namespace InventoryRules.Engine.Tests.Operations;

/// <summary>Stockout episodes from a position's sellable history.</summary>
public class StockoutWalkTests
{
    static readonly DateTimeOffset T = TestData.Now;

    static SellableMove Delta(int hour, long delta, string id = "") => new(T.AddHours(hour), delta, null, new EventKey("WMS", $"d{hour}{id}"));

    static SellableMove Count(int hour, long counted, string id = "c") => new(T.AddHours(hour), 0, counted, new EventKey("WMS", $"{id}{hour}"));

    [Test]
    public void Walk_SoldOutAndRestocked_OneClosedEpisode() =>
        StockoutWalk.Walk(0, null, false, [Delta(0, 5), Delta(1, -5), Delta(3, 2)])
            .Should().Equal(new StockoutEpisode(T.AddHours(1), T.AddHours(3)));

    [Test]
    public void Walk_StillOut_EpisodeHasNoEnd() =>
        StockoutWalk.Walk(0, null, false, [Delta(0, 5), Delta(1, -7), Delta(2, 1)])
            .Should().Equal(new StockoutEpisode(T.AddHours(1), null));

    [Test]
    public void Walk_NeverStocked_NoEpisode() =>
        StockoutWalk.Walk(0, null, false, [Delta(0, 0), Delta(1, -1)]).Should().BeEmpty("a position that never had stock is not out of stock");

    [Test]
    public void Walk_MovesInAnyOrder_SameEpisodes() =>
        StockoutWalk.Walk(0, null, false, [Delta(3, 2), Delta(1, -5), Delta(0, 5)])
            .Should().Equal(new StockoutEpisode(T.AddHours(1), T.AddHours(3)));

    [Test]
    public void Walk_CountCoversDeltasAtItsInstant_CountFixesOnHand() =>
        StockoutWalk.Walk(10, null, false, [Count(1, 0), Delta(1, 50), Delta(2, 4)])
            .Should().Equal(new StockoutEpisode(T.AddHours(1), T.AddHours(2)));

    [Test]
    public void Walk_TwoCountsAtOneInstant_LargerKeyWins() =>
        StockoutWalk.Walk(10, null, false, [Count(1, 0, "a"), Count(1, 3, "b")]).Should().BeEmpty("count b (the larger key) says 3");

    [Test]
    public void Walk_CarriedOpenEpisode_ClosedWithItsOriginalStart() =>
        StockoutWalk.Walk(0, T.AddHours(-5), true, [Delta(2, 4)]).Should().Equal(new StockoutEpisode(T.AddHours(-5), T.AddHours(2)));

    [Test]
    public void Walk_StockedBeforeAndSoldOut_StartsEpisode() =>
        StockoutWalk.Walk(3, null, true, [Delta(1, -3)]).Should().Equal(new StockoutEpisode(T.AddHours(1), null));
}
