using FluentAssertions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Tests.Decisions;

/// <summary>Safety stock and holds keep units back; entitlements let a premium segment take them.</summary>
public class StockProtectionTests
{
    const string VipHold = """
        { "id": "vip-hold", "kind": "hold", "forSegment": "vip", "forCustomerTiers": ["gold"], "share": 0.5 }
        """;

    [Test]
    public void Fixed_safety_stock_is_not_promised()
    {
        var decision = new Scenario()
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 10)
            .Rules("""
                { "id": "ss", "kind": "safety_stock", "method": "fixed", "quantity": 4 },
                { "id": "bo", "kind": "backorder", "action": "reject" }
                """)
            .Decide(("SKU-1", 8));

        decision.Lines[0].Allocated.Should().Be(6);
        decision.Lines[0].Allocations[0].Floor.Should().Be(4);
        decision.Lines[0].Rejected.Should().Be(2);
    }

    [Test]
    public void Days_of_supply_safety_stock_follows_the_burn_rate_within_its_clamps()
    {
        var decision = new Scenario()
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 100, burn: 7)
            .Rules("""
                { "id": "ss", "kind": "safety_stock", "method": "days_of_supply", "days": 5, "max": 30 },
                { "id": "bo", "kind": "backorder", "action": "reject" }
                """)
            .Decide(("SKU-1", 100));

        // 5 days × 7 a day = 35, clamped to 30.
        decision.Lines[0].Allocated.Should().Be(70);
    }

    [Test]
    public void Service_level_safety_stock_grows_with_the_service_level()
    {
        Decision At(double level) => new Scenario()
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 1000, burn: 20)
            .Rules($$"""
                { "id": "ss", "kind": "safety_stock", "method": "service_level", "serviceLevel": {{level.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "leadTimeDays": 4, "leadTimeStdDevDays": 1 },
                { "id": "bo", "kind": "backorder", "action": "reject" }
                """)
            .Decide(("SKU-1", 1000));

        var low = At(0.90).Lines[0].Allocations[0].Floor;
        var high = At(0.99).Lines[0].Allocations[0].Floor;
        // z(0.90) = 1.2816, z(0.99) = 2.3263; sqrt(4 × 20 + 400 × 1) = 21.91.
        low.Should().Be(29);
        high.Should().Be(51);
    }

    [Test]
    public void A_segment_entitled_to_safety_stock_takes_it()
    {
        var decision = new Scenario()
            .Segment("vip")
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 10)
            .Rules("""{ "id": "ss", "kind": "safety_stock", "method": "fixed", "quantity": 4 }""", """{ "consumeSafetyStock": true }""")
            .Decide(("SKU-1", 10));

        decision.Lines[0].Allocated.Should().Be(10);
    }

    [Test]
    public void Another_segments_hold_keeps_units_from_this_segment()
    {
        var decision = new Scenario()
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 10)
            .Rules("""{ "id": "bo", "kind": "backorder", "action": "reject" }""")
            .OtherRules("vip", VipHold)
            .Decide(("SKU-1", 8));

        decision.Lines[0].Allocated.Should().Be(5);
        decision.Lines[0].Allocations[0].Floor.Should().Be(5);
    }

    [Test]
    public void The_customers_a_hold_is_for_take_the_held_units_and_others_of_the_same_segment_do_not()
    {
        var scenario = new Scenario()
            .Segment("vip")
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 10)
            .Rules(VipHold + """, { "id": "bo", "kind": "backorder", "action": "reject" }""");

        scenario.Decide(scenario.Order("gold", "DE", ("SKU-1", 8))).Lines[0].Allocated.Should().Be(8);
        scenario.Decide(scenario.Order("silver", "DE", ("SKU-1", 8))).Lines[0].Allocated.Should().Be(5);
    }

    [Test]
    public void An_expired_hold_no_longer_binds()
    {
        var decision = new Scenario()
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 10)
            .OtherRules("vip", """{ "id": "vip-hold", "kind": "hold", "forSegment": "vip", "quantity": 6, "expiresAt": "2026-11-01T00:00:00Z" }""")
            .Decide(("SKU-1", 8));

        decision.Lines[0].Allocated.Should().Be(8);
    }

    [Test]
    public void A_hold_applies_only_while_its_condition_holds()
    {
        const string SpikeHold = """{ "id": "spike-hold", "kind": "hold", "forSegment": "vip", "quantity": 6, "condition": "context.BurnRateRatio >= 1.5" }""";
        Decision With(double burn) => new Scenario()
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 10, burn: burn, usual: 1)
            .Rules("""{ "id": "bo", "kind": "backorder", "action": "reject" }""")
            .OtherRules("vip", SpikeHold)
            .Decide(("SKU-1", 8));

        With(burn: 1).Lines[0].Allocated.Should().Be(8);
        With(burn: 2).Lines[0].Allocated.Should().Be(4);
    }

    [Test]
    public void A_segment_entitled_to_holds_takes_units_held_for_others()
    {
        var decision = new Scenario()
            .Segment("b2b")
            .Node("DC-1").Item("SKU-1").Stock("SKU-1", "DC-1", 10)
            .Rules("", """{ "consumeHolds": true }""")
            .OtherRules("vip", VipHold)
            .Decide(("SKU-1", 10));

        decision.Lines[0].Allocated.Should().Be(10);
        decision.Explanation.Should().Contain(e => e.Contains("may take stock held for other segments"));
    }
}
