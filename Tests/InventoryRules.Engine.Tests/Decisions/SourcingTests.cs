using FluentAssertions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Tests.Decisions;

/// <summary>Where an order ships from: the cheapest plan that fills it, one parcel where one will do.</summary>
public class SourcingTests
{
    [Test]
    public void A_line_ships_from_the_nearer_node_when_both_have_it()
    {
        var decision = new Scenario()
            .Node("DC-BERLIN", lat: 52.5, lon: 13.4).Node("DC-MUNICH", lat: 48.1, lon: 11.6)
            .Item("SKU-1").Stock("SKU-1", "DC-BERLIN", 10).Stock("SKU-1", "DC-MUNICH", 10)
            .Decide(new DecisionRequest("O-1", "ecommerce", new CustomerRef("C"), new ShipTo("DE", "10115", 52.52, 13.40), [new OrderLine("L1", "SKU-1", 2)]));

        decision.Lines[0].Allocations.Should().ContainSingle().Which.Node.Should().Be("DC-BERLIN");
        decision.Totals.Shipments.Should().Be(1);
    }

    [Test]
    public void The_whole_order_goes_to_one_node_when_a_greedy_line_by_line_choice_would_split_it()
    {
        // SKU-A alone would go to the cheap node; SKU-B only exists at the dear one. One parcel from the
        // dear node is cheaper than two parcels, which a first-fit per line would have chosen.
        var decision = new Scenario()
            .Node("DC-CHEAP", costPerOrder: 2).Node("DC-DEAR", costPerOrder: 3)
            .Item("SKU-A").Item("SKU-B")
            .Stock("SKU-A", "DC-CHEAP", 5).Stock("SKU-A", "DC-DEAR", 5).Stock("SKU-B", "DC-DEAR", 5)
            .Rules("""{ "id": "split", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 2, "splitPenalty": 1 }""")
            .Decide(("SKU-A", 1), ("SKU-B", 1));

        decision.Lines.SelectMany(l => l.Allocations).Select(a => a.Node).Should().OnlyContain(n => n == "DC-DEAR");
        decision.Totals.Shipments.Should().Be(1);
    }

    [Test]
    public void Lines_split_across_nodes_when_no_single_node_has_everything()
    {
        var decision = new Scenario()
            .Node("DC-1").Node("DC-2")
            .Item("SKU-A").Item("SKU-B")
            .Stock("SKU-A", "DC-1", 5).Stock("SKU-B", "DC-2", 5)
            .Rules("""{ "id": "split-two", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 2, "splitPenalty": 5 }""")
            .Decide(("SKU-A", 2), ("SKU-B", 3));

        decision.Lines[0].Allocations.Should().ContainSingle().Which.Should().Match<Allocation>(a => a.Node == "DC-1" && a.Quantity == 2);
        decision.Lines[1].Allocations.Should().ContainSingle().Which.Should().Match<Allocation>(a => a.Node == "DC-2" && a.Quantity == 3);
        decision.Explanation.Should().Contain(e => e.Contains("ships in 2 shipments") && e.Contains("split-two"));
    }

    [Test]
    public void Without_a_split_the_fuller_node_ships_and_the_rest_is_backordered()
    {
        var decision = new Scenario()
            .Node("DC-1").Node("DC-2")
            .Item("SKU-A").Item("SKU-B")
            .Stock("SKU-A", "DC-1", 5).Stock("SKU-B", "DC-1", 1).Stock("SKU-B", "DC-2", 5)
            .Rules("""
                { "id": "no-split", "kind": "split", "allowSplit": false, "maxNodesPerOrder": 1 },
                { "id": "bo", "kind": "backorder", "action": "backorder" }
                """)
            .Decide(("SKU-A", 2), ("SKU-B", 3));

        decision.Lines.SelectMany(l => l.Allocations).Select(a => a.Node).Distinct().Should().Equal("DC-1");
        decision.Lines[1].Allocated.Should().Be(1);
        decision.Lines[1].Backordered.Should().Be(2);
    }

    [Test]
    public void A_line_may_be_filled_from_two_nodes_when_line_splits_are_allowed()
    {
        var decision = new Scenario()
            .Node("DC-1").Node("DC-2")
            .Item("SKU-A").Stock("SKU-A", "DC-1", 3).Stock("SKU-A", "DC-2", 4)
            .Rules("""{ "id": "split", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 2, "allowLineSplit": true }""")
            .Decide(("SKU-A", 6));

        decision.Lines[0].Allocations.Sum(a => a.Quantity).Should().Be(6);
        decision.Lines[0].Allocations.Should().HaveCount(2);
    }

    [Test]
    public void Two_lines_of_the_same_sku_share_one_node_stock()
    {
        var decision = new Scenario()
            .Node("DC-1").Item("SKU-A").Stock("SKU-A", "DC-1", 5)
            .Rules("""{ "id": "bo", "kind": "backorder", "action": "backorder" }""")
            .Decide(("SKU-A", 3), ("SKU-A", 3));

        decision.Totals.Allocated.Should().Be(5);
        decision.Totals.Backordered.Should().Be(1);
    }

    [Test]
    public void Committed_units_are_not_promised_again()
    {
        var decision = new Scenario()
            .Node("DC-1").Item("SKU-A").Stock("SKU-A", "DC-1", 5, committed: 4)
            .Rules("""{ "id": "bo", "kind": "backorder", "action": "reject" }""")
            .Decide(("SKU-A", 3));

        decision.Lines[0].Allocated.Should().Be(1);
        decision.Lines[0].Rejected.Should().Be(2);
    }

    [Test]
    public void A_carrier_cut_off_already_missed_pushes_the_promise_to_the_next_departure()
    {
        var cutoff = new CarrierCutoff("DHL", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            new TimeOnly(8, 0), "Europe/Berlin");
        var decision = new Scenario()
            .Node("DC-1", cutoffs: [cutoff]).Item("SKU-A").Stock("SKU-A", "DC-1", 5)
            .Decide(("SKU-A", 1));

        // 09:00 Berlin on Wednesday is past the 08:00 departure: Thursday 08:00 plus one day in transit.
        decision.Lines[0].Allocations[0].PromiseDate.Should().Be(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(1)));
    }
}
