using FluentAssertions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Tests.Decisions;

/// <summary>Explanations a planner can read, and the built-in rules found in a user trial.</summary>
public class ExplanationTests
{
    [Test]
    public void Nodes_left_out_for_the_same_reason_are_named_in_one_sentence()
    {
        var decision = new Scenario()
            .Node("DC-1").Node("ST-1", type: NodeType.Store).Node("ST-2", type: NodeType.Store).Node("ST-3", type: NodeType.Store)
            .Item("SKU-1").Item("SKU-2")
            .Stock("SKU-1", "DC-1", 9).Stock("SKU-2", "DC-1", 9)
            .Stock("SKU-1", "ST-1", 9).Stock("SKU-1", "ST-2", 9).Stock("SKU-2", "ST-2", 9).Stock("SKU-1", "ST-3", 9)
            .Decide(("SKU-1", 1), ("SKU-2", 1));

        decision.Explanation.Should().Contain("ST-1, ST-2 and ST-3 excluded: store does not ship orders (no ship_from_store capability)");
        decision.Explanation.Count(e => e.Contains("ship_from_store")).Should().Be(1);
    }

    [Test]
    public void A_node_left_out_for_one_line_but_serving_another_names_the_line()
    {
        var decision = new Scenario()
            .Node("DC-1", costPerOrder: 1).Node("DC-COLD", capabilities: ["cold_chain"], costPerOrder: 9)
            .Item("SKU-DRY").Item("SKU-MILK", coldChain: true)
            .Stock("SKU-DRY", "DC-1", 9).Stock("SKU-MILK", "DC-1", 9).Stock("SKU-MILK", "DC-COLD", 9)
            .Decide(("SKU-DRY", 1), ("SKU-MILK", 1));

        decision.Explanation.Should().Contain("DC-1 excluded for line L2: no cold chain for a chilled item");
    }

    [Test]
    public void The_explanation_says_why_the_chosen_node_beat_the_next_best()
    {
        var decision = new Scenario()
            .Node("DC-CHEAP", costPerOrder: 1).Node("DC-DEAR", costPerOrder: 5)
            .Item("SKU-1").Stock("SKU-1", "DC-CHEAP", 9).Stock("SKU-1", "DC-DEAR", 9)
            .Rules("""{ "id": "route", "kind": "routing", "weights": { "transitDays": 0, "cost": 1 } }""")
            .Decide(("SKU-1", 1));

        decision.Explanation.Should().Contain(e => e.StartsWith("DC-CHEAP chosen over DC-DEAR: routing score 1.2 against 5.2"));
    }

    [Test]
    public void A_bonded_node_does_not_deliver_inside_its_own_country_even_without_a_rule()
    {
        var scenario = new Scenario()
            .Node("3PL-BASEL", country: "CH", dutyPaid: false, costPerOrder: 1).Node("DC-ZURICH", country: "CH", costPerOrder: 5)
            .Item("SKU-1").Stock("SKU-1", "3PL-BASEL", 9).Stock("SKU-1", "DC-ZURICH", 9);

        var domestic = scenario.Decide(scenario.Order("standard", "CH", ("SKU-1", 1)));
        var export = scenario.Decide(scenario.Order("standard", "DE", ("SKU-1", 1)));

        domestic.Lines[0].Allocations.Single().Node.Should().Be("DC-ZURICH");
        domestic.Explanation.Should().Contain(e => e.StartsWith("3PL-BASEL excluded: bonded (not duty-paid)"));
        export.Lines[0].Allocations.Single().Node.Should().Be("3PL-BASEL");
    }

    [Test]
    public void A_segment_that_may_take_holds_still_leaves_its_own_tier_holds_to_those_tiers()
    {
        var scenario = new Scenario()
            .Segment("vip")
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 10)
            .Rules("""
                { "id": "gold-hold", "kind": "hold", "forSegment": "vip", "forCustomerTiers": ["gold"], "quantity": 6 },
                { "id": "bo", "kind": "backorder", "action": "reject" }
                """, """{ "consumeHolds": true }""")
            .OtherRules("ecommerce", """{ "id": "eco-hold", "kind": "hold", "forSegment": "ecommerce", "quantity": 2 }""");

        scenario.Decide(scenario.Order("standard", "DE", ("SKU-1", 10))).Lines[0].Allocated.Should().Be(4);
        scenario.Decide(scenario.Order("gold", "DE", ("SKU-1", 10))).Lines[0].Allocated.Should().Be(10);
    }

    [Test]
    public void A_requested_date_tomorrow_evening_is_one_day_away()
    {
        var scenario = new Scenario()
            .Node("DC-FAST", costPerOrder: 9).Node("DC-SLOW", costPerOrder: 1)
            .Item("SKU-1").Stock("SKU-1", "DC-FAST", 9).Stock("SKU-1", "DC-SLOW", 9)
            .Rules("""
                { "id": "next-day", "kind": "routing", "condition": "order.RequestedInDays == 1", "weights": { "cost": 0 }, "score": "node.Code == \"DC-FAST\" ? 0 : 50" },
                { "id": "cheap", "kind": "routing", "weights": { "cost": 1 } }
                """);
        // Now is 09:00 Berlin; tomorrow 18:00 Berlin is 33 hours away but one calendar day.
        var tomorrowEvening = new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.FromHours(1));

        var decision = scenario.Decide(scenario.Order(("SKU-1", 1)) with { RequestedDate = tomorrowEvening });

        decision.Lines[0].Allocations.Single().Node.Should().Be("DC-FAST");
    }

    [Test]
    public void A_node_with_only_inbound_supply_has_no_promise_date_for_stock_now()
    {
        var scenario = new Scenario()
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 0, inTransit: new SupplySnapshot(5, Scenario.Now.AddDays(2), "ASN-1"));

        var node = Decider.Availability(scenario.Order(("SKU-1", 1)), scenario.Snapshot(), scenario.Book(), null).Lines[0].Nodes.Single();

        node.AvailableNow.Should().Be(0);
        node.PromiseDate.Should().BeNull();
        node.Future.Should().ContainSingle();
    }

    [Test]
    public void A_promise_after_the_requested_date_is_pointed_out()
    {
        var scenario = new Scenario().Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 9);

        var decision = scenario.Decide(scenario.Order(("SKU-1", 1)) with { RequestedDate = Scenario.Now.AddHours(6) });

        decision.Explanation.Should().Contain("line L1: 1 × SKU-1 from DC-1 promised 2026-11-26, after the requested 2026-11-25");
    }

    [Test]
    public void The_explanation_names_the_routing_rule_of_each_allocation()
    {
        var decision = new Scenario().Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 9)
            .Rules("""{ "id": "route-fast", "kind": "routing", "weights": { "transitDays": 2 } }""")
            .Decide(("SKU-1", 1));

        decision.Explanation.Should().Contain(e => e.StartsWith("line L1: 1 × SKU-1 from DC-1, promised") && e.EndsWith("(routing rule route-fast)"));
    }

    [Test]
    public void A_next_best_plan_that_only_adds_a_parcel_is_named_as_such()
    {
        var decision = new Scenario()
            .Node("DC-1", costPerOrder: 1, costPerUnit: 0.5m).Node("DC-2", costPerOrder: 1, costPerUnit: 0.1m)
            .Item("SKU-A").Item("SKU-B")
            .Stock("SKU-A", "DC-1", 5).Stock("SKU-B", "DC-1", 5).Stock("SKU-B", "DC-2", 5)
            .Rules("""{ "id": "split", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 2, "splitPenalty": 3 }""")
            .Decide(("SKU-A", 1), ("SKU-B", 1));

        decision.Explanation.Should().Contain(e => e.StartsWith("DC-1 chosen over also shipping from DC-2: routing score"));
    }
}
