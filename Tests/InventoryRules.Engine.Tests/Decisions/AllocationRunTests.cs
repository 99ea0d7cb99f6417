using FluentAssertions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Tests.Decisions;

/// <summary>Competing demands for scarce stock, ranked by allocation_priority rules.</summary>
public class AllocationRunTests
{
    const string Priority = """
        { "id": "prio", "kind": "allocation_priority",
          "score": "customer.ContractPriority * 100 + (customer.Strategic ? 30 : 0)",
          "tieBreaks": [ { "expression": "line.Margin", "descending": true } ] }
        """;

    static readonly Scenario Network = new Scenario()
        .Segment("b2b")
        .Node("DC-1").Item("SKU-1", cost: 5, price: 10).Item("SKU-2", cost: 5, price: 30)
        .Stock("SKU-1", "DC-1", 10).Stock("SKU-2", "DC-1", 10)
        .Rules(Priority);

    static Demand Demand(string orderId, int contract, bool strategic, string sku, long quantity) =>
        new(new DecisionRequest(orderId, "b2b", new CustomerRef(orderId, "standard", strategic, contract), new ShipTo("DE"),
            [new OrderLine("L1", sku, quantity)]), Network.Book());

    static AllocationRunResult Run(params Demand[] demands) =>
        Decider.Run(demands, Network.Snapshot(), new Dictionary<string, Segment> { ["b2b"] = Network.Snapshot().Segment });

    [Test]
    public void The_contract_customer_is_served_first_and_gets_the_scarce_units()
    {
        var result = Run(Demand("BACKLOG-1", 0, false, "SKU-1", 8), Demand("CONTRACT-1", 2, false, "SKU-1", 8));

        result.Ranking.Select(r => r.OrderId).Should().Equal("CONTRACT-1", "BACKLOG-1");
        result.Ranking[0].Decision.Totals.Allocated.Should().Be(8);
        result.Ranking[1].Decision.Totals.Allocated.Should().Be(2);
        result.Ranking[0].Score.Should().Be(200);
        result.Explanation[0].Should().StartWith("#1 CONTRACT-1 (b2b): score 200 by rule prio; got 8 of 8 units");
    }

    [Test]
    public void Equal_scores_go_to_the_higher_margin_then_to_who_came_first()
    {
        var result = Run(Demand("LOW-MARGIN", 1, false, "SKU-1", 1), Demand("HIGH-MARGIN", 1, false, "SKU-2", 1), Demand("LOW-MARGIN-2", 1, false, "SKU-1", 1));

        result.Ranking.Select(r => r.OrderId).Should().Equal("HIGH-MARGIN", "LOW-MARGIN", "LOW-MARGIN-2");
        result.Ranking[0].TieBreaks.Should().Equal(25);
    }

    [Test]
    public void Totals_add_up_across_the_run()
    {
        var result = Run(Demand("A", 1, true, "SKU-1", 6), Demand("B", 1, false, "SKU-1", 6));

        result.Totals.Requested.Should().Be(12);
        result.Totals.Allocated.Should().Be(10);
        result.Totals.Backordered.Should().Be(2);
    }
}
