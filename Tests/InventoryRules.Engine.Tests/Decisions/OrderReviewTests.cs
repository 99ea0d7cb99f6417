using FluentAssertions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Tests.Decisions;

/// <summary>An accepted order judged as a decision would judge it: the figures background jobs rely on agree with Decide and Run.</summary>
public class OrderReviewTests
{
    const string Rules = """
        { "id": "prio", "kind": "allocation_priority", "score": "customer.ContractPriority * 100" },
        { "id": "ne-no-dc2", "kind": "node_eligibility", "eligible": "node.Code != \"DC-2\"", "reason": "DC-2 closed" },
        { "id": "ss", "kind": "safety_stock", "method": "fixed", "quantity": 3 },
        { "id": "xd", "kind": "cross_dock", "minQuantity": 5, "maxDwellHours": 48 }
        """;

    static Scenario Network() => new Scenario()
        .Node("DC-1", capabilities: ["cross_dock"]).Node("DC-2", lat: 48.1, lon: 11.6)
        .Item("SKU-1")
        .Stock("SKU-1", "DC-1", 10, inTransit: new SupplySnapshot(20, Scenario.Now.AddDays(1), "ASN-1"))
        .Stock("SKU-1", "DC-2", 10)
        .Rules(Rules);

    static DecisionRequest Order(int contract) =>
        new("ORD-1", "ecommerce", new CustomerRef("C-1", "standard", false, contract), new ShipTo("DE"), [new OrderLine("L1", "SKU-1", 2)]);

    [Test]
    public void Review_FloorAndEligibility_AgreeWithTheDecision()
    {
        var scenario = Network();
        var verdict = OrderReview.Review(Order(1), scenario.Snapshot(), scenario.Book());
        var decision = scenario.Decide(Order(1));

        var dc1 = verdict.At("L1", "DC-1")!;
        dc1.Eligible.Should().BeTrue();
        dc1.Floor.Should().Be(decision.Lines[0].Allocations.Single(a => a.Node == "DC-1").Floor).And.Be(3);
        dc1.CrossDock!.Id.Should().Be("xd");
        var dc2 = verdict.At("L1", "DC-2")!;
        dc2.ExcludedByRule.Should().BeTrue();
        dc2.ExcludedBy.Should().Be("ne-no-dc2");
        dc2.ExcludedBecause.Should().Be("DC-2 closed");
    }

    [Test]
    public void Review_Priority_IsTheScoreAllocationRunsRankBy()
    {
        var scenario = Network();
        var verdict = OrderReview.Review(Order(2), scenario.Snapshot(), scenario.Book());

        verdict.Priority.RuleId.Should().Be("prio");
        verdict.Priority.Score.Should().Be(200);
    }
}
