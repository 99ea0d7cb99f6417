using FluentAssertions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Tests.Decisions;

/// <summary>Which nodes may serve: built-in constraints and node_eligibility rules, each explained.</summary>
public class EligibilityTests
{
    const string DutyPaidForCh = """
        { "id": "ne-ch-duty-paid", "kind": "node_eligibility", "condition": "order.ShipToCountry == \"CH\"", "requireDutyPaid": true, "reason": "not duty-paid for CH" }
        """;

    [Test]
    public void A_bonded_node_does_not_serve_a_duty_paid_zone_and_the_explanation_says_so()
    {
        var scenario = new Scenario()
            .Node("DC-BONDED", country: "CH", lat: 47.4, lon: 8.5, dutyPaid: false).Node("DC-ZURICH", country: "CH", lat: 47.4, lon: 8.6)
            .Item("SKU-1").Stock("SKU-1", "DC-BONDED", 50).Stock("SKU-1", "DC-ZURICH", 5)
            .Rules(DutyPaidForCh);

        var decision = scenario.Decide(scenario.Order("standard", "CH", ("SKU-1", 2)));

        decision.Lines[0].Allocations.Should().ContainSingle().Which.Node.Should().Be("DC-ZURICH");
        decision.Explanation.Should().Contain("DC-BONDED excluded: not duty-paid for CH");
        decision.Trace.Should().Contain(t => t.Step == TraceSteps.Excluded && t.RuleId == "ne-ch-duty-paid" && t.Node == "DC-BONDED");
    }

    [Test]
    public void The_duty_paid_rule_does_not_bind_orders_to_other_countries()
    {
        var decision = new Scenario()
            .Node("DC-BONDED", country: "CH", dutyPaid: false)
            .Item("SKU-1").Stock("SKU-1", "DC-BONDED", 50)
            .Rules(DutyPaidForCh)
            .Decide(("SKU-1", 2));

        decision.Lines[0].Allocated.Should().Be(2);
    }

    [Test]
    public void A_node_whose_feed_is_older_than_the_segment_tolerates_is_left_out()
    {
        var decision = new Scenario()
            .Segment("vip", toleranceSeconds: 60)
            .Node("DC-QUIET").Node("DC-LIVE", lat: 48.1, lon: 11.6)
            .Feed("DC-QUIET", Scenario.Now.AddMinutes(-10))
            .Item("SKU-1").Stock("SKU-1", "DC-QUIET", 50).Stock("SKU-1", "DC-LIVE", 5)
            .Decide(("SKU-1", 2));

        decision.Lines[0].Allocations.Should().ContainSingle().Which.Node.Should().Be("DC-LIVE");
        decision.Explanation.Should().Contain("DC-QUIET excluded: feed last reported 10 min ago; vip tolerates 60 s");
    }

    [Test]
    public void A_node_that_never_reported_is_left_out()
    {
        var decision = new Scenario()
            .Node("DC-NEW").Feed("DC-NEW", null)
            .Item("SKU-1").Stock("SKU-1", "DC-NEW", 50)
            .Decide(("SKU-1", 2));

        decision.Lines[0].Allocated.Should().Be(0);
        decision.Explanation.Should().Contain(e => e.StartsWith("DC-NEW excluded: feed never reported"));
    }

    [Test]
    public void A_quarantined_position_is_not_promised()
    {
        var decision = new Scenario()
            .Node("DC-1").Node("DC-2", lat: 48.1, lon: 11.6)
            .Item("SKU-1").Stock("SKU-1", "DC-1", 50, quarantined: true).Stock("SKU-1", "DC-2", 5)
            .Decide(("SKU-1", 2));

        decision.Lines[0].Allocations.Should().ContainSingle().Which.Node.Should().Be("DC-2");
        decision.Explanation.Should().Contain("DC-1 excluded: SKU-1 is quarantined here pending an anomaly review");
    }

    [Test]
    public void Only_stores_with_the_ship_from_store_capability_ship_orders()
    {
        var decision = new Scenario()
            .Node("STORE-PLAIN", type: NodeType.Store, costPerOrder: 1).Node("STORE-SFS", type: NodeType.Store, capabilities: ["ship_from_store"], costPerOrder: 2)
            .Item("SKU-1").Stock("SKU-1", "STORE-PLAIN", 50).Stock("SKU-1", "STORE-SFS", 5)
            .Decide(("SKU-1", 2));

        decision.Lines[0].Allocations.Should().ContainSingle().Which.Node.Should().Be("STORE-SFS");
        decision.Explanation.Should().Contain("STORE-PLAIN excluded: store does not ship orders (no ship_from_store capability)");
    }

    [Test]
    public void A_chilled_item_ships_only_from_a_cold_chain_node()
    {
        var decision = new Scenario()
            .Node("DC-AMBIENT", costPerOrder: 1).Node("DC-COLD", capabilities: ["cold_chain"])
            .Item("SKU-MILK", coldChain: true).Stock("SKU-MILK", "DC-AMBIENT", 50).Stock("SKU-MILK", "DC-COLD", 5)
            .Decide(("SKU-MILK", 2));

        decision.Lines[0].Allocations.Should().ContainSingle().Which.Node.Should().Be("DC-COLD");
    }

    [Test]
    public void Eligibility_rules_check_capabilities_types_countries_hazmat_and_expressions_in_order()
    {
        var scenario = new Scenario()
            .Node("STORE-1", type: NodeType.Store, capabilities: ["ship_from_store"]).Node("DC-AT", country: "AT").Node("DC-DE")
            .Item("SKU-GAS", hazmat: true).Stock("SKU-GAS", "STORE-1", 9).Stock("SKU-GAS", "DC-AT", 9).Stock("SKU-GAS", "DC-DE", 9)
            .Rules("""
                { "id": "no-hazmat-stores", "kind": "node_eligibility", "excludeHazmat": true, "reason": "no dangerous-goods licence", "scope": { "nodeTypes": ["store"] } },
                { "id": "domestic", "kind": "node_eligibility", "eligible": "node.Country == order.ShipToCountry", "reason": "not in the ship-to country" }
                """);

        var decision = scenario.Decide(("SKU-GAS", 1));

        decision.Lines[0].Allocations.Should().ContainSingle().Which.Node.Should().Be("DC-DE");
        decision.Explanation.Should().Contain("STORE-1 excluded: no dangerous-goods licence").And.Contain("DC-AT excluded: not in the ship-to country");
    }

    [Test]
    public void An_eligibility_expression_that_fails_leaves_the_node_out_and_is_traced()
    {
        var decision = new Scenario()
            .Node("DC-1", capacity: 0).Node("DC-2", lat: 48.1, lon: 11.6)
            .Item("SKU-1").Stock("SKU-1", "DC-1", 9).Stock("SKU-1", "DC-2", 9)
            .Rules("""{ "id": "per-order-capacity", "kind": "node_eligibility", "eligible": "1000 / node.DailyOrderCapacity >= 0", "reason": "too small" }""")
            .Decide(("SKU-1", 1));

        decision.Lines[0].Allocations.Should().ContainSingle().Which.Node.Should().Be("DC-2");
        decision.Trace.Should().Contain(t => t.Step == TraceSteps.RuleFailed && t.RuleId == "per-order-capacity");
        decision.Explanation.Should().Contain(e => e.StartsWith("DC-1 excluded: rule per-order-capacity could not be evaluated"));
    }
}
