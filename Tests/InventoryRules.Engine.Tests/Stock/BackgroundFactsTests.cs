using FluentAssertions;
using InventoryRules.Engine.Decisions;
using InventoryRules.Engine.Stock;
using InventoryRules.Engine.Tests.Decisions;
using InventoryRules.Rules.Background;
using InventoryRules.Rules.Background.Backorders;
using InventoryRules.Rules.Background.CrossDock;

namespace InventoryRules.Engine.Tests.Stock;

/// <summary>From the engine's figures to the facts the NRules packs match over, end to end on small networks.</summary>
public class BackgroundFactsTests
{
    const string Priority = """
        { "id": "prio", "kind": "allocation_priority", "score": "customer.ContractPriority * 100 + (customer.Strategic ? 30 : 0)",
          "tieBreaks": [ { "expression": "line.Margin", "descending": true } ] }
        """;

    [Test]
    public void Score_RanksOrdersAsAnAllocationRunDoes()
    {
        var network = new Scenario().Segment("b2b").Node("DC-1").Item("SKU-1", cost: 5, price: 10).Item("SKU-2", cost: 5, price: 30)
            .Stock("SKU-1", "DC-1", 10).Stock("SKU-2", "DC-1", 10).Rules(Priority);
        DecisionRequest Order(string id, int contract, bool strategic, string sku, long quantity) =>
            new(id, "b2b", new CustomerRef(id, "standard", strategic, contract), new ShipTo("DE"), [new OrderLine("L1", sku, quantity)]);
        var orders = new[] { Order("A", 0, false, "SKU-1", 8), Order("B", 1, false, "SKU-1", 2), Order("C", 0, true, "SKU-2", 1), Order("D", 0, true, "SKU-1", 9) };

        var run = Decider.Run([.. orders.Select(o => new Demand(o, network.Book()))], network.Snapshot(),
            new Dictionary<string, Segment> { ["b2b"] = network.Snapshot().Segment });
        var scored = orders.Select((o, i) => (o.OrderId, Priority: PriorityScorer.Score(o, network.Snapshot(), network.Book()), Arrived: Scenario.Now.AddSeconds(i))).ToList();
        scored.Sort((a, b) => AllocationPriority.Compare(a.Priority, a.Arrived, a.OrderId, b.Priority, b.Arrived, b.OrderId));

        scored.Select(s => s.OrderId).Should().Equal(run.Ranking.Select(r => r.OrderId));
        scored[0].Priority.Should().Be(scored[0].Priority with { RuleId = "prio", Score = 100 });
    }
}
