using FluentAssertions;
using InventoryRules.Engine.Decisions;
using InventoryRules.Engine.Stock;
using InventoryRules.Engine.Tests.Decisions;

namespace InventoryRules.Engine.Tests.Stock;

/// <summary>Reorder and reclassification rules: decided per item and node, outside any order.</summary>
public class StockRuleTests
{
    static readonly DateTime LocalNow = new(2026, 11, 25, 9, 0, 0);
    static readonly Node Dc = new(new NodeId("DS-BERLIN"), "Dark store", NodeType.DarkStore, "DE", null, 52.5, 13.4, true, ["cold_chain"], 300, 2, 0.2m, [],
        new Dictionary<EventType, string>());
    static readonly Item Yoghurt = new(new ItemId("SKU-YOG"), "Yoghurt", "dairy", VelocityClass.A, new Dictionary<string, int>(), true, 10, false, false, true, 0.5m, 1.2m);

    const string Rules = """
        { "id": "ro-dairy", "kind": "reorder", "reorderPoint": "position.BurnRate * 2", "orderUpTo": "position.BurnRate * 5",
          "minRemainingShelfLifeDays": 3, "shelfLifeFactor": 0.5, "scope": { "categories": ["dairy"] } },
        { "id": "rc-excursion", "kind": "reclassification", "condition": "item.ColdChain", "inspectionResult": "temperature_excursion",
          "from": "sellable", "to": "quarantined", "share": 1 },
        { "id": "rc-half-damaged", "kind": "reclassification", "inspectionResult": "crushed_pallet", "from": "sellable", "to": "damaged", "share": 0.5 }
        """;

    static readonly Rules.Compilation.CompiledRuleSet RuleSet = Scenario.Compile("cold_chain", Rules, null);

    static StockFigures Stock(long onHand, double burn, int shelfLifeLeft, long inTransit = 0) => new(onHand, 0, 0, 0, inTransit, burn, shelfLifeLeft);

    [Test]
    public void Stock_at_the_reorder_point_is_reordered_up_to_the_order_up_to_level()
    {
        var signal = ReorderAdvisor.Evaluate(RuleSet, Yoghurt, Dc, Stock(onHand: 20, burn: 10, shelfLifeLeft: 10), LocalNow)!;

        signal.RuleId.Should().Be("ro-dairy");
        signal.Triggered.Should().BeTrue();
        signal.Quantity.Should().Be(30);
    }

    [Test]
    public void Less_shelf_life_left_lowers_the_reorder_point()
    {
        var fresh = ReorderAdvisor.Evaluate(RuleSet, Yoghurt, Dc, Stock(onHand: 18, burn: 10, shelfLifeLeft: 10), LocalNow)!;
        var ageing = ReorderAdvisor.Evaluate(RuleSet, Yoghurt, Dc, Stock(onHand: 18, burn: 10, shelfLifeLeft: 4), LocalNow)!;

        fresh.Triggered.Should().BeTrue();
        ageing.ReorderPoint.Should().BeApproximately(14, 1e-9);
        ageing.Triggered.Should().BeFalse();
    }

    [Test]
    public void Lots_below_the_minimum_shelf_life_count_as_nothing()
    {
        var signal = ReorderAdvisor.Evaluate(RuleSet, Yoghurt, Dc, Stock(onHand: 100, burn: 10, shelfLifeLeft: 2), LocalNow)!;

        signal.Triggered.Should().BeTrue();
        signal.Available.Should().Be(0);
        signal.Reason.Should().Contain("under the minimum 3");
    }

    [Test]
    public void Inbound_supply_counts_towards_the_reorder_point()
    {
        var signal = ReorderAdvisor.Evaluate(RuleSet, Yoghurt, Dc, Stock(onHand: 5, burn: 10, shelfLifeLeft: 10, inTransit: 40), LocalNow)!;

        signal.Triggered.Should().BeFalse();
    }

    [Test]
    public void An_item_outside_every_reorder_rule_gets_no_signal()
    {
        var bread = Yoghurt with { Sku = new ItemId("SKU-BREAD"), Category = "bakery" };

        ReorderAdvisor.Evaluate(RuleSet, bread, Dc, Stock(0, 10, 2), LocalNow).Should().BeNull();
    }

    [Test]
    public void An_inspection_result_moves_the_rules_share_between_statuses()
    {
        Reclassifier.Apply(RuleSet, "temperature_excursion", 12, Yoghurt, Dc, Stock(40, 1, 9), LocalNow)
            .Should().Be(new Reclassification("rc-excursion", "sellable", "quarantined", 12));
        Reclassifier.Apply(RuleSet, "crushed_pallet", 9, Yoghurt, Dc, Stock(40, 1, 9), LocalNow)
            .Should().Be(new Reclassification("rc-half-damaged", "sellable", "damaged", 4));
    }

    [Test]
    public void A_rule_whose_condition_does_not_hold_moves_nothing()
    {
        var ambient = Yoghurt with { ColdChain = false };

        Reclassifier.Apply(RuleSet, "temperature_excursion", 12, ambient, Dc, Stock(40, 1, 9), LocalNow).Should().BeNull();
    }
}
