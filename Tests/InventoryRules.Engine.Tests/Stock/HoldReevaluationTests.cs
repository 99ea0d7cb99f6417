using FluentAssertions;
using InventoryRules.Engine.Stock;

namespace InventoryRules.Engine.Tests.Stock;

/// <summary>Held units per hold rule and per position: quantity or share, scope, condition, expiry, capped by on-hand.</summary>
public class HoldReevaluationTests
{
    const string Holds = """
        { "id": "h-share", "kind": "hold", "forSegment": "vip", "share": 0.15, "scope": { "velocityClasses": ["A"] } },
        { "id": "h-qty", "kind": "hold", "forSegment": "vip", "quantity": 4, "expiresAt": "2026-12-24T12:00:00+01:00", "scope": { "nodeTypes": ["dc"] } },
        { "id": "h-thin", "kind": "hold", "forSegment": "vip", "condition": "position.DaysOfSupply < 5", "quantity": 3 }
        """;

    static StockNetwork Network() => new StockNetwork()
        .Node("DC-1").Node("ST-1", Engine.NodeType.Store)
        .Item("SKU-A", velocity: Engine.VelocityClass.A).Item("SKU-C", velocity: Engine.VelocityClass.C)
        .Position("SKU-A", "DC-1", 40, burn: 2).Position("SKU-A", "ST-1", 5, burn: 2).Position("SKU-C", "DC-1", 2, burn: 0)
        .Segment("vip", Holds);

    [Test]
    public void Evaluate_Holds_GiveUnitsPerRuleAndATotalCappedByOnHand()
    {
        var result = Network().Evaluate();

        result.Holds.Select(h => (h.Sku, h.Node, h.RuleId, h.Units, h.State)).Should().Equal(
            ("SKU-A", "DC-1", "h-share", 6L, HoldState.InForce),        // 15 % of 40
            ("SKU-A", "DC-1", "h-qty", 4L, HoldState.InForce),
            ("SKU-A", "DC-1", "h-thin", 0L, HoldState.ConditionFalse),  // 20 days of supply
            ("SKU-A", "ST-1", "h-share", 1L, HoldState.InForce),        // 0.75 rounded up
            ("SKU-A", "ST-1", "h-thin", 3L, HoldState.InForce),         // 2.5 days of supply
            ("SKU-C", "DC-1", "h-qty", 2L, HoldState.InForce),          // 4, but only 2 on hand
            ("SKU-C", "DC-1", "h-thin", 0L, HoldState.ConditionFalse)); // nothing moves: 9999 days
        result.Held.Should().Equal(new HeldTotal("SKU-A", "DC-1", 10), new HeldTotal("SKU-A", "ST-1", 4), new HeldTotal("SKU-C", "DC-1", 2));
    }

    [Test]
    public void Evaluate_AfterExpiry_TheHoldReleasesItsUnits()
    {
        var before = Network().Evaluate(at: new DateTimeOffset(2026, 12, 24, 10, 59, 0, TimeSpan.Zero));
        var after = Network().Evaluate(at: new DateTimeOffset(2026, 12, 24, 11, 0, 0, TimeSpan.Zero));

        before.Holds.Where(h => h.RuleId == "h-qty").Should().OnlyContain(h => h.State == HoldState.InForce && h.Units > 0);
        after.Holds.Where(h => h.RuleId == "h-qty").Should().OnlyContain(h => h.State == HoldState.Expired && h.Units == 0);
        after.Held.Single(h => h.Sku == "SKU-A" && h.Node == "DC-1").Units.Should().Be(6);
        after.Held.Single(h => h.Sku == "SKU-C").Units.Should().Be(0);
    }

    [Test]
    public void Evaluate_PeakOfTheOwningSegment_ScalesShareHolds()
    {
        var result = new StockNetwork()
            .Node("DC-1").Item("SKU-A", velocity: Engine.VelocityClass.A).Position("SKU-A", "DC-1", 40, burn: 6, usual: 2)
            .Segment("vip", """
                { "id": "h", "kind": "hold", "forSegment": "vip", "share": 0.15 },
                { "id": "peak", "kind": "peak", "burnRateThreshold": 2, "adjustments": { "holdShareFactor": 1.5 } }
                """)
            .Evaluate();

        // 0.15 × 1.5 × 40 = 9.
        result.Holds.Single().Should().Match<HoldFigure>(h => h.Units == 9 && h.ShareFactor == 1.5);
    }
}
