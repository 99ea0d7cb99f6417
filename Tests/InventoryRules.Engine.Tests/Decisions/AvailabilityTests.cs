using FluentAssertions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Tests.Decisions;

/// <summary>What can be promised now and by a date, per node and for the network.</summary>
public class AvailabilityTests
{
    static readonly DateTimeOffset Eta = Scenario.Now.AddDays(3);

    static Scenario Network() => new Scenario()
        .Node("DC-1").Node("DC-2", lat: 48.1, lon: 11.6).Node("DC-BONDED", country: "CH", dutyPaid: false)
        .Item("SKU-1")
        .Stock("SKU-1", "DC-1", 4).Stock("SKU-1", "DC-2", 3, committed: 1, inTransit: new SupplySnapshot(10, Eta, "ASN-7"))
        .Stock("SKU-1", "DC-BONDED", 50)
        .Rules("""
            { "id": "domestic", "kind": "node_eligibility", "eligible": "node.Country == order.ShipToCountry", "reason": "not in the ship-to country" },
            { "id": "ss", "kind": "safety_stock", "method": "fixed", "quantity": 1 }
            """);

    [Test]
    public void Each_eligible_node_answers_what_it_can_promise_now_and_the_network_adds_them_up()
    {
        var scenario = Network();
        var answer = Decider.Availability(scenario.Order(("SKU-1", 5)), scenario.Snapshot(), scenario.Book(), null);

        var line = answer.Lines.Should().ContainSingle().Subject;
        line.Nodes.Select(n => (n.Node, n.AvailableNow)).Should().Equal(("DC-1", 3), ("DC-2", 1));
        line.NetworkAvailable.Should().Be(4);
        answer.Explanation.Should().Contain("DC-BONDED excluded: not in the ship-to country");
    }

    [Test]
    public void Inbound_supply_counts_by_the_date_it_can_be_promised()
    {
        var scenario = Network();
        var byDate = Eta.AddDays(2);
        var answer = Decider.Availability(scenario.Order(("SKU-1", 5)), scenario.Snapshot(), scenario.Book(), byDate);

        var line = answer.Lines[0];
        line.NetworkAvailableByDate.Should().Be(14);
        var dc2 = line.Nodes.Single(n => n.Node == "DC-2");
        dc2.Future.Should().ContainSingle().Which.Should().Be(new FutureAvailability(10, Eta.AddDays(1), Eta.AddDays(2), "ASN-7"));
        // Five units: no node has them now; DC-2 has them once ASN-7 is received, promised ETA + 1 day + 1 day in transit.
        line.EarliestPromiseDate.Should().Be(Eta.AddDays(2));
    }

    [Test]
    public void Before_its_date_inbound_supply_is_not_available()
    {
        var scenario = Network();
        var answer = Decider.Availability(scenario.Order(("SKU-1", 5)), scenario.Snapshot(), scenario.Book(), Eta);

        answer.Lines[0].NetworkAvailableByDate.Should().Be(4);
    }

    [Test]
    public void A_quantity_on_the_shelf_is_promised_from_the_shelf()
    {
        var scenario = Network();
        var answer = Decider.Availability(scenario.Order(("SKU-1", 2)), scenario.Snapshot(), scenario.Book(), null);

        answer.Lines[0].EarliestPromiseDate.Should().Be(Scenario.Now.AddDays(1));
    }
}
