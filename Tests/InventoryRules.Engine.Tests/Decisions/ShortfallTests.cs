using FluentAssertions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Tests.Decisions;

/// <summary>Backorder, substitution and refusal when stock runs short.</summary>
public class ShortfallTests
{
    static readonly DateTimeOffset InFiveDays = Scenario.Now.AddDays(5);

    [Test]
    public void Units_are_backordered_with_a_promise_from_inbound_supply()
    {
        var decision = new Scenario()
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 2, inTransit: new SupplySnapshot(10, InFiveDays, "ASN-1"))
            .Rules("""{ "id": "bo", "kind": "backorder", "action": "backorder", "maxBackorderDays": 10 }""")
            .Decide(("SKU-1", 5));

        var line = decision.Lines[0];
        line.Allocated.Should().Be(2);
        line.Backordered.Should().Be(3);
        // ETA + 24 h receiving, same-day departure (no cut-offs), one day in transit.
        line.BackorderPromiseDate.Should().Be(InFiveDays.AddDays(2));
        decision.Explanation.Should().Contain(e => e.Contains("3 × SKU-1 backordered under rule bo"));
    }

    [Test]
    public void A_backorder_that_cannot_be_promised_in_time_is_refused()
    {
        var decision = new Scenario()
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 0, inTransit: new SupplySnapshot(10, Scenario.Now.AddDays(20), "ASN-1"))
            .Rules("""{ "id": "bo", "kind": "backorder", "action": "backorder", "maxBackorderDays": 7 }""")
            .Decide(("SKU-1", 5));

        decision.Lines[0].Rejected.Should().Be(5);
        decision.Explanation.Should().Contain(e => e.Contains("no inbound supply can be promised within 7 days"));
    }

    [Test]
    public void A_reject_rule_refuses_what_cannot_be_promised()
    {
        var decision = new Scenario()
            .Node("DC-1").Item("SKU-MILK", perishable: true).Stock("SKU-MILK", "DC-1", 1)
            .Rules("""
                { "id": "bo-fresh", "kind": "backorder", "condition": "item.Perishable", "action": "reject" },
                { "id": "bo", "kind": "backorder", "action": "backorder" }
                """)
            .Decide(("SKU-MILK", 3));

        decision.Lines[0].Allocated.Should().Be(1);
        decision.Lines[0].Rejected.Should().Be(2);
        decision.Trace.Should().Contain(t => t.Step == TraceSteps.Rejected && t.RuleId == "bo-fresh");
    }

    [Test]
    public void Substitutes_are_tried_in_order_and_ride_in_the_parcel_that_already_ships()
    {
        var decision = new Scenario()
            .Node("DC-1").Node("DC-2", lat: 48.1, lon: 11.6)
            .Item("SKU-ESPRESSO").Item("SKU-ALT-1").Item("SKU-ALT-2")
            .Stock("SKU-ESPRESSO", "DC-1", 1).Stock("SKU-ALT-1", "DC-2", 10).Stock("SKU-ALT-2", "DC-1", 1).Stock("SKU-ALT-2", "DC-2", 10)
            .Rules("""
                { "id": "bo-sub", "kind": "backorder", "action": "substitute", "substitutions": [ { "for": "SKU-ESPRESSO", "use": ["SKU-ALT-2", "SKU-ALT-1"] } ] },
                { "id": "split", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 2 }
                """)
            .Decide(("SKU-ESPRESSO", 4));

        var line = decision.Lines[0];
        line.Allocated.Should().Be(1);
        line.Substitutions.Should().Equal(
            new Allocation("SKU-ALT-2", "DC-1", 1, line.Substitutions[0].PromiseDate, 0),
            new Allocation("SKU-ALT-2", "DC-2", 2, line.Substitutions[1].PromiseDate, 0));
        (line.Allocated + line.Substituted + line.Backordered + line.Rejected).Should().Be(4);
    }

    [Test]
    public void What_no_substitute_covers_is_backordered()
    {
        var decision = new Scenario()
            .Node("DC-1").Item("SKU-A").Item("SKU-B").Stock("SKU-A", "DC-1", 0).Stock("SKU-B", "DC-1", 1)
            .Rules("""{ "id": "bo-sub", "kind": "backorder", "action": "substitute", "substitutions": [ { "for": "SKU-A", "use": ["SKU-B"] } ] }""")
            .Decide(("SKU-A", 3));

        decision.Lines[0].Substituted.Should().Be(1);
        decision.Lines[0].Backordered.Should().Be(2);
    }

    [Test]
    public void Without_a_backorder_rule_the_shortfall_is_backordered()
    {
        var decision = new Scenario().Node("DC-1").Item("SKU-1").Decide(("SKU-1", 3));

        decision.Lines[0].Backordered.Should().Be(3);
        decision.Explanation.Should().Contain(e => e.Contains("no backorder rule applies"));
    }

    [Test]
    public void A_sku_outside_the_catalogue_is_refused_not_guessed()
    {
        var decision = new Scenario().Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 5).Decide(("SKU-1", 1), ("SKU-NOPE", 2));

        decision.Lines[1].Rejected.Should().Be(2);
        decision.Lines[0].Allocated.Should().Be(1);
    }
}
