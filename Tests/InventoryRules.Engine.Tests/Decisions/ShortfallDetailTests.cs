using FluentAssertions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Tests.Decisions;

/// <summary>Backorders count on inbound supply once, partly where only part arrives in time, and say why a line came up short.</summary>
public class ShortfallDetailTests
{
    static readonly DateTimeOffset InFiveDays = Scenario.Now.AddDays(5);

    [Test]
    public void What_arrives_in_time_is_backordered_and_only_the_rest_refused()
    {
        var decision = new Scenario()
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 0, inTransit: new SupplySnapshot(6, InFiveDays, "ASN-1"))
            .Rules("""{ "id": "bo", "kind": "backorder", "action": "backorder", "maxBackorderDays": 9 }""")
            .Decide(("SKU-1", 12));

        var line = decision.Lines[0];
        line.Backordered.Should().Be(6);
        line.Rejected.Should().Be(6);
        line.SupplyClaims.Should().ContainSingle().Which.Should().Match<SupplyClaim>(c => c.Reference == "ASN-1" && c.Quantity == 6);
        decision.Explanation.Should().Contain(e => e.Contains("6 refused: only 6 arrive within 9 days"));
    }

    [Test]
    public void Two_lines_do_not_count_on_the_same_inbound_units()
    {
        var decision = new Scenario()
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 0,
                inTransit: [new SupplySnapshot(5, InFiveDays, "ASN-1"), new SupplySnapshot(10, InFiveDays.AddDays(3), "ASN-2")])
            .Rules("""{ "id": "bo", "kind": "backorder", "action": "backorder", "maxBackorderDays": 30 }""")
            .Decide(("SKU-1", 4), ("SKU-1", 4));

        decision.Lines[0].BackorderPromiseDate.Should().Be(InFiveDays.AddDays(2));
        // Only one unit of ASN-1 is left for the second line: it waits for ASN-2.
        decision.Lines[1].BackorderPromiseDate.Should().Be(InFiveDays.AddDays(5));
        decision.Lines[1].SupplyClaims!.Sum(c => c.Quantity).Should().Be(4);
    }

    [Test]
    public void An_allocation_run_does_not_promise_the_same_inbound_units_twice()
    {
        var network = new Scenario()
            .Segment("b2b")
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 0, inTransit: new SupplySnapshot(12, InFiveDays, "ASN-1"))
            .Rules("""{ "id": "bo", "kind": "backorder", "action": "backorder", "maxBackorderDays": 10 }""");
        Demand Demand(string id) => new(new DecisionRequest(id, "b2b", new CustomerRef(id), new ShipTo("DE"), [new OrderLine("L1", "SKU-1", 8)]), network.Book());

        var run = Decider.Run([Demand("A"), Demand("B")], network.Snapshot(), new Dictionary<string, Segment> { ["b2b"] = network.Snapshot().Segment });

        run.Totals.Backordered.Should().Be(12);
        run.Totals.Rejected.Should().Be(4);
    }

    [Test]
    public void A_line_cut_short_by_the_split_limit_says_so()
    {
        var decision = new Scenario()
            .Node("DC-1").Node("DC-2")
            .Item("SKU-A").Item("SKU-B").Stock("SKU-A", "DC-1", 5).Stock("SKU-B", "DC-2", 5)
            .Rules("""
                { "id": "one-parcel", "kind": "split", "allowSplit": false, "maxNodesPerOrder": 1 },
                { "id": "bo", "kind": "backorder", "action": "reject" }
                """)
            .Decide(("SKU-A", 1), ("SKU-B", 1));

        decision.Explanation.Should().Contain(e => e.Contains("could not be added: the order may ship from at most 1 node"));
    }

    [Test]
    public void Stock_kept_back_from_the_segment_is_named_when_a_line_comes_up_short()
    {
        var decision = new Scenario()
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 3)
            .Rules("""
                { "id": "ss", "kind": "safety_stock", "method": "fixed", "quantity": 5 },
                { "id": "bo", "kind": "backorder", "action": "reject" }
                """)
            .Decide(("SKU-1", 2));

        decision.Explanation.Should().Contain("line L1: SKU-1 on hand but kept back from this segment at DC-1 (3 safety stock, 0 held for others)");
    }

    [Test]
    public void A_line_no_node_may_serve_says_so_instead_of_blaming_supply()
    {
        var scenario = new Scenario()
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 9)
            .Rules("""
                { "id": "domestic", "kind": "node_eligibility", "eligible": "node.Country == order.ShipToCountry", "reason": "not in the ship-to country" },
                { "id": "bo", "kind": "backorder", "action": "reject" }
                """);

        var decision = scenario.Decide(scenario.Order("standard", "FR", ("SKU-1", 1)));

        decision.Explanation.Should().Contain("line L1: no node may serve SKU-1 for this order (see the exclusions)");
    }

    [Test]
    public void A_node_out_for_different_reasons_on_different_lines_names_them()
    {
        var decision = new Scenario()
            .Node("ST-1", type: NodeType.Store, capabilities: ["ship_from_store"]).Node("DC-COLD", capabilities: ["cold_chain"])
            .Item("SKU-GAS", hazmat: true).Item("SKU-MILK", coldChain: true)
            .Stock("SKU-GAS", "ST-1", 9).Stock("SKU-MILK", "ST-1", 9).Stock("SKU-GAS", "DC-COLD", 9).Stock("SKU-MILK", "DC-COLD", 9)
            .Rules("""{ "id": "no-hazmat-stores", "kind": "node_eligibility", "excludeHazmat": true, "reason": "no dangerous-goods licence", "scope": { "nodeTypes": ["store"] } }""")
            .Decide(("SKU-GAS", 1), ("SKU-MILK", 1));

        decision.Explanation.Should().Contain("ST-1 excluded for line L1: no dangerous-goods licence")
            .And.Contain("ST-1 excluded for line L2: no cold chain for a chilled item");
    }

    [Test]
    public void Availability_by_a_past_date_is_nothing()
    {
        var scenario = new Scenario().Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 9);

        var answer = Decider.Availability(scenario.Order(("SKU-1", 1)), scenario.Snapshot(), scenario.Book(), Scenario.Now.AddDays(-1));

        answer.Lines[0].NetworkAvailable.Should().Be(9);
        answer.Lines[0].NetworkAvailableByDate.Should().Be(0);
    }
}
