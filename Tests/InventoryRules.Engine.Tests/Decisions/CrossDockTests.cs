using FluentAssertions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Tests.Decisions;

/// <summary>Cross-dock rules: inbound lots flow straight to outbound demand, so they are promised without put-away.</summary>
public class CrossDockTests
{
    static readonly DateTimeOffset Eta = Scenario.Now.AddDays(2);

    static Scenario Network(string rules) => new Scenario()
        .Node("DC-XD", capabilities: ["cross_dock"])
        .Item("SKU-1").Stock("SKU-1", "DC-XD", 1, inTransit: new SupplySnapshot(48, Eta, "ASN-XD"))
        .Rules(rules);

    [Test]
    public void A_cross_docked_lot_is_promised_from_its_eta_without_put_away()
    {
        var decision = Network("""{ "id": "xd", "kind": "cross_dock", "condition": "node.Capabilities.Contains(\"cross_dock\")", "minQuantity": 12 }""")
            .Decide(("SKU-1", 5));

        // ETA, same-day departure (no cut-offs), one day in transit; without cross-docking a day more for put-away.
        decision.Lines[0].BackorderPromiseDate.Should().Be(Eta.AddDays(1));
    }

    [Test]
    public void A_lot_below_the_rules_minimum_is_put_away_first()
    {
        var decision = Network("""{ "id": "xd", "kind": "cross_dock", "minQuantity": 100 }""").Decide(("SKU-1", 5));

        decision.Lines[0].BackorderPromiseDate.Should().Be(Eta.AddDays(2));
    }

    [Test]
    public void Without_a_cross_dock_rule_inbound_supply_waits_for_put_away()
    {
        var scenario = Network("");
        var answer = Decider.Availability(scenario.Order(("SKU-1", 5)), scenario.Snapshot(), scenario.Book(), null);

        answer.Lines[0].Nodes.Single().Future.Single().AvailableAt.Should().Be(Eta.AddHours(24));
    }

    [Test]
    public void A_planners_own_wording_for_a_physical_constraint_is_the_one_explained()
    {
        var decision = new Scenario()
            .Node("ST-1", type: NodeType.Store).Node("DC-1")
            .Item("SKU-1").Stock("SKU-1", "ST-1", 9).Stock("SKU-1", "DC-1", 9)
            .Rules("""{ "id": "ne-sfs", "kind": "node_eligibility", "requireCapabilities": ["ship_from_store"], "reason": "store does not ship online orders", "scope": { "nodeTypes": ["store"] } }""")
            .Decide(("SKU-1", 1));

        decision.Explanation.Should().Contain("ST-1 excluded: store does not ship online orders");
    }
}
