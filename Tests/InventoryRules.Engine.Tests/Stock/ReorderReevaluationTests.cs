using FluentAssertions;
using InventoryRules.Engine.Stock;

namespace InventoryRules.Engine.Tests.Stock;

/// <summary>Perishable reorder triggers by remaining shelf life, lot by lot.</summary>
public class ReorderReevaluationTests
{
    const string Dairy = """
        { "id": "ro-dairy", "kind": "reorder", "reorderPoint": "position.BurnRate * 2", "orderUpTo": "position.BurnRate * 5",
          "minRemainingShelfLifeDays": 3, "shelfLifeFactor": 0.5, "scope": { "categories": ["dairy"] } }
        """;

    static StockNetwork Yoghurt(long onHand, long committed = 0) => new StockNetwork()
        .Node("DS-1", Engine.NodeType.DarkStore).Item("SKU-YOG", "dairy", shelfLifeDays: 10)
        .Position("SKU-YOG", "DS-1", onHand, committed, burn: 10)
        .Segment("cold_chain", Dairy);

    [Test]
    public void Evaluate_AtTheReorderPoint_OrdersUpToTheLevel()
    {
        var figure = Yoghurt(20).Lot("SKU-YOG", "DS-1", "L1", 20, 10.5).Evaluate().Reorders.Single();

        figure.Triggered.Should().BeTrue();
        figure.ReorderPoint.Should().Be(20);
        figure.Quantity.Should().Be(30);
        figure.Reason.Should().Contain("order 30 up to 50");
    }

    [Test]
    public void Evaluate_LotsUnderTheMinimumShelfLife_DoNotCount()
    {
        var figure = Yoghurt(60).Lot("SKU-YOG", "DS-1", "OLD", 40, 2.5).Lot("SKU-YOG", "DS-1", "NEW", 20, 8.5).Evaluate().Reorders.Single();

        // 40 units with 2 days left are lost; the 20 good ones have 8 of 10 days: point 20 × (0.5 + 0.5 × 0.8) = 18.
        figure.ExcludedUnits.Should().Be(40);
        figure.Available.Should().Be(20);
        figure.RemainingShelfLifeDays.Should().Be(8);
        figure.ReorderPoint.Should().BeApproximately(18, 1e-9);
        figure.Triggered.Should().BeFalse();
        figure.Reason.Should().StartWith("40 units have less than 3 days");
    }

    [Test]
    public void Evaluate_CommittedUnits_LeaveFromTheShortDatedLotsFirst()
    {
        var figure = Yoghurt(60, committed: 30).Lot("SKU-YOG", "DS-1", "OLD", 40, 1).Lot("SKU-YOG", "DS-1", "NEW", 20, 9).Evaluate().Reorders.Single();

        // 30 of the 40 short-dated units are promised; 10 spoil; 20 good units are free.
        figure.Available.Should().Be(20);
    }

    [Test]
    public void Evaluate_SingleLot_AgreesWithReorderAdvisor([Values(1, 2, 3, 6, 10)] int daysLeft, [Values(5, 18, 40)] long onHand)
    {
        var figure = Yoghurt(onHand).Lot("SKU-YOG", "DS-1", "L1", onHand, daysLeft + 0.5).Evaluate().Reorders.Single();
        var item = new Item(new ItemId("SKU-YOG"), "", "dairy", VelocityClass.B, new Dictionary<string, int>(), true, 10, false, false, false, 5, 10);
        var node = new Node(new NodeId("DS-1"), "", NodeType.DarkStore, "DE", null, null, null, true, [], 500, 3, 0.2m, [], new Dictionary<EventType, string>());
        var advice = ReorderAdvisor.Evaluate(Decisions.Scenario.Compile("cold_chain", Dairy, null), item, node,
            new StockFigures(onHand, 0, 0, 0, 0, 10, daysLeft), new DateTime(2026, 11, 25, 9, 0, 0))!;

        (figure.Triggered, figure.ReorderPoint, figure.Available, figure.Quantity)
            .Should().Be((advice.Triggered, advice.ReorderPoint, advice.Available, advice.Quantity));
    }

    [Test]
    public void Evaluate_NonPerishableWithoutLots_CountsEverything()
    {
        var figure = new StockNetwork()
            .Node("DC-1").Item("SKU-1", "dairy").Position("SKU-1", "DC-1", 15, burn: 10, inTransit: 10)
            .Segment("cold_chain", Dairy).Evaluate().Reorders.Single();

        figure.Available.Should().Be(15);
        figure.Triggered.Should().BeFalse(); // 15 + 10 > 20
    }
}
