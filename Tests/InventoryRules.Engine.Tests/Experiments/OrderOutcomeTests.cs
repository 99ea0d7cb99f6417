using InventoryRules.Engine.Decisions;
using InventoryRules.Engine.Experiments;
using InventoryRules.Engine.Tests.Decisions;

namespace InventoryRules.Engine.Tests.Experiments;

public class OrderOutcomeTests
{
    [Test]
    public void Of_SplitOrderWithBackorder_CountsUnitsNodesCostAndMargin()
    {
        // SKU-A (margin 10 − 4 = 6): 5 at DC-1, 3 at DC-2; SKU-B (margin 1): none anywhere. Order 8 × A and 2 × B.
        var scenario = new Scenario()
            .Node("DC-1", costPerOrder: 3, costPerUnit: 0.5m).Node("DC-2", lat: 48.1, lon: 11.6, costPerOrder: 2, costPerUnit: 0.25m)
            .Item("SKU-A", cost: 4, price: 10).Item("SKU-B", cost: 2, price: 3)
            .Stock("SKU-A", "DC-1", 5).Stock("SKU-A", "DC-2", 3)
            .Rules("""
                { "id": "split", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 3, "splitPenalty": 0 },
                { "id": "bo", "kind": "backorder", "action": "backorder", "maxBackorderDays": 30 }
                """);
        var request = scenario.Order(("SKU-A", 8), ("SKU-B", 2)) with { RequestedDate = Scenario.Now.AddDays(30) };

        var decision = scenario.Decide(request);
        var outcome = OrderOutcome.Of(request, scenario.Snapshot(), decision);

        // 8 of 10 units; two nodes: (3 + 5 × 0.5) + (2 + 3 × 0.25) = 5.5 + 2.75 = 8.25;
        // margin requested 8 × 6 + 2 × 1 = 50, filled 8 × 6 = 48; the 2 × B are backordered (or refused): not attained.
        outcome.Requested.Should().Be(10);
        outcome.Filled.Should().Be(8);
        outcome.FullyFilled.Should().BeFalse();
        outcome.Nodes.Should().Be(2);
        outcome.Cost.Should().BeApproximately(8.25, 1e-9);
        outcome.MarginRequested.Should().Be(50);
        outcome.MarginFilled.Should().Be(48);
        outcome.PromiseAttained.Should().BeFalse();
    }

    [Test]
    public void Of_NoRequestedDate_PromiseAttainmentUnknown()
    {
        var scenario = new Scenario().Node("DC-1").Item("SKU-A").Stock("SKU-A", "DC-1", 5);
        var request = scenario.Order(("SKU-A", 2));

        var outcome = OrderOutcome.Of(request, scenario.Snapshot(), scenario.Decide(request));

        outcome.FullyFilled.Should().BeTrue();
        outcome.Backordered.Should().BeFalse();
        outcome.PromiseAttained.Should().BeNull();
        outcome.Cost.Should().BeApproximately(3 + 2 * 0.2, 1e-9);
    }
}
