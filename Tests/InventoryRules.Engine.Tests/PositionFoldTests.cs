using static InventoryRules.Engine.Tests.TestEvents;

namespace InventoryRules.Engine.Tests;

/// <summary>How batches of events change a position: deltas add, the latest count fixes on-hand.</summary>
public class PositionFoldTests
{
    static readonly PositionState Empty = PositionState.Empty(new ItemId(TestData.Bolt), new NodeId(TestData.Dc));

    [Test]
    public void Apply_DeltasWithoutCount_AddUp()
    {
        LedgerEvent[] batch = [Receipt("r1", 0, 40), Sale("s1", 5, 7), Receipt("r2", 9, 3)];

        var after = PositionFold.Apply(Empty, batch, PositionFold.NewAnchor(Empty, batch), 0);

        after.OnHand.Should().Be(36);
        after.Anchor.Should().BeNull();
    }

    [Test]
    public void NewAnchor_BatchWithCount_PicksTheCount()
    {
        var count = Count("c1", 10, 50);

        PositionFold.NewAnchor(Empty, [Receipt("r1", 0, 40), count, Sale("s1", 20, 5)])
            .Should().Be(new CountAnchor(At(10), 50, count.Key));
    }

    [Test]
    public void Apply_NewAnchor_OnHandIsCountPlusSellableAfterIt()
    {
        var before = PositionFold.Apply(Empty, [Receipt("r1", 0, 100)], null, 0);
        var count = Count("c1", 10, 40);

        var after = PositionFold.Apply(before, [count, Sale("s1", 20, 5)], count.AsAnchor(), sellableAfterNewAnchor: -5);

        after.OnHand.Should().Be(35);
        after.Anchor.Should().Be(count.AsAnchor());
    }

    [Test]
    public void Ingest_CountThenLateDeltaFromBeforeIt_OnHandStaysAndDeltaIsAlreadyCounted()
    {
        var ledger = new TestLedger();
        ledger.Ingest(Receipt("r1", 0, 100), Count("c1", 30, 60));
        var lateSale = Sale("s-late", 20, 15);

        ledger.Ingest(lateSale);

        ledger.State.OnHand.Should().Be(60);
        ledger.OutcomeOf(lateSale).Should().Be(EventOutcomes.AlreadyCounted);
    }

    [Test]
    public void Ingest_DeltaAtTheCountsInstant_IsAlreadyCounted()
    {
        var ledger = new TestLedger();
        ledger.Ingest(Count("c1", 30, 60));
        var sale = Sale("s1", 30, 15);

        ledger.Ingest(sale);

        ledger.State.OnHand.Should().Be(60);
        ledger.OutcomeOf(sale).Should().Be(EventOutcomes.AlreadyCounted);
    }

    [Test]
    public void Ingest_DeltaAfterCount_AppliesOnTop()
    {
        var ledger = new TestLedger();
        ledger.Ingest(Count("c1", 30, 60));
        var sale = Sale("s1", 31, 15);

        ledger.Ingest(sale);

        ledger.State.OnHand.Should().Be(45);
        ledger.OutcomeOf(sale).Should().Be(EventOutcomes.Applied);
    }

    [Test]
    public void Ingest_LateCountBeforeDeltasAlreadyStored_RecomputesFromStoredDeltas()
    {
        var ledger = new TestLedger();
        ledger.Ingest(Receipt("r1", 0, 100), Sale("s1", 20, 10), Sale("s2", 40, 5));
        var count = Count("c1", 30, 70);

        ledger.Ingest(count);

        ledger.State.OnHand.Should().Be(65);
        ledger.OutcomeOf(count).Should().Be(EventOutcomes.Applied);
    }

    [Test]
    public void Ingest_CountOlderThanAnchor_IsSupersededAndChangesNothing()
    {
        var ledger = new TestLedger();
        ledger.Ingest(Count("c-new", 30, 60), Sale("s1", 40, 5));
        var old = Count("c-old", 10, 999);

        ledger.Ingest(old);

        ledger.State.OnHand.Should().Be(55);
        ledger.State.Anchor!.Key.EventId.Should().Be("c-new");
        ledger.OutcomeOf(old).Should().Be(EventOutcomes.Superseded);
        PositionFold.NewAnchor(ledger.State, [old]).Should().BeNull();
    }

    [TestCase(true, true)]
    [TestCase(false, true)]
    [TestCase(true, false)]
    [TestCase(false, false)]
    public void Ingest_TwoCountsAtSameInstant_LargerKeyWinsWhateverTheOrder(bool smallFirst, bool oneBatch)
    {
        var small = Count("c-a", 30, 10);
        var large = Count("c-b", 30, 20);
        LedgerEvent[] order = smallFirst ? [small, large] : [large, small];
        var ledger = new TestLedger();

        if (oneBatch) ledger.Ingest(order);
        else { ledger.Ingest(order[0]); ledger.Ingest(order[1]); }

        ledger.State.OnHand.Should().Be(20);
        ledger.State.Anchor!.Key.Should().Be(large.Key);
        // An outcome is what ingest did at the time: a count applied before its rival arrived stays "applied".
        if (oneBatch || !smallFirst) ledger.OutcomeOf(small).Should().Be(EventOutcomes.Superseded);
    }

    [Test]
    public void Ingest_StatusChangesBeforeAndAfterCount_DamagedAndQuarantinedAlwaysSum()
    {
        var ledger = new TestLedger();
        ledger.Ingest(Count("c1", 30, 60), Move("m-after", 40, 4, "sellable", "damaged"));

        ledger.Ingest(Move("m-before", 10, 3, "sellable", "quarantined"), Move("m-before-2", 20, 2, "damaged", "quarantined"));

        ledger.State.Should().BeEquivalentTo(new { OnHand = 56, Damaged = 2, Quarantined = 5 });
    }

    [Test]
    public void Apply_EachBatch_IncrementsVersion()
    {
        var once = PositionFold.Apply(Empty, [Receipt("r1", 0, 1)], null, 0);
        var twice = PositionFold.Apply(once, [Receipt("r2", 1, 1)], null, 0);

        once.Version.Should().Be(1);
        twice.Version.Should().Be(2);
    }

    [Test]
    public void Apply_EventsOutOfTimeOrder_LastEventAtIsTheLatest()
    {
        var first = PositionFold.Apply(Empty, [Receipt("r1", 50, 1), Receipt("r2", 70, 1), Receipt("r3", 60, 1)], null, 0);
        var second = PositionFold.Apply(first, [Receipt("r4", 10, 1)], null, 0);

        first.LastEventAt.Should().Be(At(70));
        second.LastEventAt.Should().Be(At(70));
    }

    [Test]
    public void Ingest_RepeatedEventKey_ChangesNothing()
    {
        var ledger = new TestLedger();
        ledger.Ingest(Receipt("r1", 0, 10));

        var fresh = ledger.Ingest(Receipt("r1", 0, 10), Receipt("r1", 0, 10));

        fresh.Should().Be(0);
        ledger.State.OnHand.Should().Be(10);
    }

    [Test]
    public void Outcome_OtherSourceWhereOneIsNamed_IsNonAuthoritative() =>
        PositionFold.Outcome(Sale("s1", 0, 3, source: "WMS", node: TestData.Store), null, null)
            .Should().Be(EventOutcomes.NonAuthoritative);

    [Test]
    public void Ingest_NonAuthoritativeCount_DoesNotFixOnHand()
    {
        var ledger = new TestLedger(node: TestData.Store);
        ledger.Ingest(Receipt("r1", 0, 100, node: TestData.Store));

        ledger.Ingest(Count("c-pos", 10, 5, source: "POS", node: TestData.Store));

        ledger.State.OnHand.Should().Be(100);
        ledger.State.Anchor.Should().BeNull();
    }
}
