using FluentAssertions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Tests.Decisions;

/// <summary>Routing weights, peak adjustments and failing expressions.</summary>
public class PolicyTests
{
    [Test]
    public void Routing_weights_decide_between_a_fast_node_and_a_cheap_one()
    {
        Decision With(string weights) => new Scenario()
            .Node("DC-NEAR", lat: 52.5, lon: 13.4, costPerOrder: 9).Node("DC-FAR", lat: 47.7, lon: 9.2, costPerOrder: 1)
            .Item("SKU-1").Stock("SKU-1", "DC-NEAR", 5).Stock("SKU-1", "DC-FAR", 5)
            .Rules($$"""{ "id": "route", "kind": "routing", "weights": {{weights}} }""")
            .Decide(new DecisionRequest("O", "ecommerce", new CustomerRef("C"), new ShipTo("DE", null, 52.5, 13.4), [new OrderLine("L1", "SKU-1", 1)]));

        With("""{ "transitDays": 10, "cost": 0.1 }""").Lines[0].Allocations[0].Node.Should().Be("DC-NEAR");
        With("""{ "transitDays": 0.1, "cost": 2 }""").Lines[0].Allocations[0].Node.Should().Be("DC-FAR");
    }

    [Test]
    public void A_routing_score_expression_adds_to_a_nodes_cost()
    {
        var decision = new Scenario()
            .Node("STORE-1", type: NodeType.Store, capabilities: ["ship_from_store"], costPerOrder: 1).Node("DC-1", costPerOrder: 2)
            .Item("SKU-1").Stock("SKU-1", "STORE-1", 5).Stock("SKU-1", "DC-1", 5)
            .Rules("""{ "id": "route", "kind": "routing", "weights": { "cost": 1, "transitDays": 0 }, "score": "node.Type == \"store\" ? 5 : 0" }""")
            .Decide(("SKU-1", 1));

        decision.Lines[0].Allocations[0].Node.Should().Be("DC-1");
    }

    [Test]
    public void A_routing_score_that_fails_for_a_node_is_traced_and_the_decision_still_made()
    {
        var decision = new Scenario()
            .Node("DC-1", capacity: 0).Node("DC-2")
            .Item("SKU-1").Stock("SKU-1", "DC-1", 5).Stock("SKU-1", "DC-2", 5)
            .Rules("""{ "id": "route", "kind": "routing", "score": "100 / node.DailyOrderCapacity" }""")
            .Decide(("SKU-1", 1));

        decision.Lines[0].Allocated.Should().Be(1);
        decision.Trace.Should().Contain(t => t.Step == TraceSteps.RuleFailed && t.RuleId == "route" && t.Node == "DC-1");
    }

    [Test]
    public void A_peak_relaxes_the_split_limit_while_the_burn_rate_is_above_its_threshold()
    {
        Decision With(double burn) => new Scenario()
            .Node("DC-1").Node("DC-2").Node("DC-3")
            .Item("SKU-A", velocity: VelocityClass.A)
            .Stock("SKU-A", "DC-1", 2, burn: burn, usual: 1).Stock("SKU-A", "DC-2", 2, burn: burn, usual: 1).Stock("SKU-A", "DC-3", 2, burn: burn, usual: 1)
            .Rules("""
                { "id": "split", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 2, "splitPenalty": 4 },
                { "id": "peak", "kind": "peak", "burnRateThreshold": 3, "adjustments": { "maxNodesPerOrder": 3, "splitPenaltyFactor": 0.5 }, "scope": { "velocityClasses": ["A"] } }
                """)
            .Decide(("SKU-A", 6));

        With(burn: 1).Lines[0].Allocated.Should().Be(4);
        var peak = With(burn: 4);
        peak.Lines[0].Allocated.Should().Be(6);
        peak.Explanation.Should().Contain(e => e.Contains("peak rule peak is in force")).And.Contain(e => e.Contains("relaxed by peak rule peak"));
    }

    [Test]
    public void A_peak_tightens_safety_stock()
    {
        Decision With(double burn) => new Scenario()
            .Node("DC-1").Item("SKU-A").Stock("SKU-A", "DC-1", 20, burn: burn, usual: 1)
            .Rules("""
                { "id": "ss", "kind": "safety_stock", "method": "fixed", "quantity": 4 },
                { "id": "peak", "kind": "peak", "burnRateThreshold": 2, "adjustments": { "safetyStockFactor": 2 } },
                { "id": "bo", "kind": "backorder", "action": "reject" }
                """)
            .Decide(("SKU-A", 20));

        With(burn: 1).Lines[0].Allocated.Should().Be(16);
        With(burn: 3).Lines[0].Allocated.Should().Be(12);
    }

    [Test]
    public void A_peak_in_another_segment_enlarges_its_share_holds()
    {
        Decision With(double burn) => new Scenario()
            .Node("DC-1").Item("SKU-A").Stock("SKU-A", "DC-1", 100, burn: burn, usual: 1)
            .Rules("""{ "id": "bo", "kind": "backorder", "action": "reject" }""")
            .OtherRules("vip", """
                { "id": "hold", "kind": "hold", "forSegment": "vip", "share": 0.1 },
                { "id": "peak", "kind": "peak", "burnRateThreshold": 2, "adjustments": { "holdShareFactor": 2 } }
                """)
            .Decide(("SKU-A", 100));

        With(burn: 1).Lines[0].Allocated.Should().Be(90);
        With(burn: 3).Lines[0].Allocated.Should().Be(80);
    }
}
