using FluentAssertions;
using InventoryRules.Engine.Stock;

namespace InventoryRules.Engine.Tests.Stock;

/// <summary>Safety stock per segment and position, by each method, with the inputs it came from.</summary>
public class SafetyStockReevaluationTests
{
    [Test]
    public void Evaluate_ServiceLevel98_MatchesTheHandComputedFigure()
    {
        var result = new StockNetwork()
            .Node("DC-1").Item("SKU-1").Position("SKU-1", "DC-1", 500, burn: 20, sd: 5)
            .Segment("retail", """
                { "id": "ss-sl", "kind": "safety_stock", "method": "service_level", "serviceLevel": 0.98, "leadTimeDays": 4, "leadTimeStdDevDays": 1 }
                """)
            .Evaluate();

        // z(0.98) = 2.0537; sqrt(4 × 5² + 20² × 1²) = sqrt(500) = 22.3607; 2.0537 × 22.3607 = 45.92, rounded up.
        var figure = result.SafetyStock.Should().ContainSingle().Subject;
        figure.Units.Should().Be(46);
        figure.Z.Should().BeApproximately(2.0537, 1e-4);
        figure.ServiceLevel.Should().Be(0.98);
        figure.DemandMean.Should().Be(20);
        figure.DemandStdDev.Should().Be(5);
        figure.LeadTimeDays.Should().Be(4);
        figure.LeadTimeStdDevDays.Should().Be(1);
        figure.Method.Should().Be("service_level");
        figure.RuleId.Should().Be("ss-sl");
    }

    [Test]
    public void Evaluate_ServiceLevelRuleWithoutLevel_UsesTheSegmentsTarget()
    {
        var result = new StockNetwork()
            .Node("DC-1").Item("SKU-1").Position("SKU-1", "DC-1", 500, burn: 20, sd: 5)
            .Segment("retail", """{ "id": "ss-sl", "kind": "safety_stock", "method": "service_level", "leadTimeDays": 4 }""", serviceLevel: 0.95)
            .Evaluate();

        // z(0.95) = 1.6449 × sqrt(4 × 25) = 16.45 → 17.
        var figure = result.SafetyStock.Single();
        figure.Z.Should().BeApproximately(1.6449, 1e-4);
        figure.Units.Should().Be(17);
    }

    [Test]
    public void Evaluate_FixedAndDaysOfSupply_AreClampedPerSegment()
    {
        var result = new StockNetwork()
            .Node("DC-1").Node("ST-1", NodeType.Store).Item("SKU-1")
            .Position("SKU-1", "DC-1", 100, burn: 7).Position("SKU-1", "ST-1", 10, burn: 1)
            .Segment("ecommerce", """
                { "id": "ss-store", "kind": "safety_stock", "method": "fixed", "quantity": 2, "scope": { "nodeTypes": ["store"] } },
                { "id": "ss-dc", "kind": "safety_stock", "method": "days_of_supply", "days": 5, "max": 30, "scope": { "nodeTypes": ["dc"] } }
                """)
            .Segment("retail", """{ "id": "ss-min", "kind": "safety_stock", "method": "days_of_supply", "days": 1, "min": 3 }""")
            .Evaluate();

        result.SafetyStock.Select(f => (f.Node, f.Segment, f.RuleId, f.Units)).Should().Equal(
            ("DC-1", "ecommerce", "ss-dc", 30L), ("DC-1", "retail", "ss-min", 7L),
            ("ST-1", "ecommerce", "ss-store", 2L), ("ST-1", "retail", "ss-min", 3L));
    }

    [Test]
    public void Evaluate_ConditionThatDoesNotHold_FallsThroughToTheNextRule()
    {
        var result = new StockNetwork()
            .Node("DC-1", capabilities: ["cross_dock"]).Item("SKU-1").Position("SKU-1", "DC-1", 100, burn: 2)
            .Segment("ecommerce", """
                { "id": "ss-ship", "kind": "safety_stock", "condition": "node.Capabilities.Contains(\"ship_from_store\")", "method": "fixed", "quantity": 9 },
                { "id": "ss-any", "kind": "safety_stock", "method": "fixed", "quantity": 4 }
                """)
            .Evaluate();

        result.SafetyStock.Single().RuleId.Should().Be("ss-any");
    }

    [Test]
    public void Evaluate_ItemInAPeak_GetsThePeakFactor()
    {
        var result = new StockNetwork()
            .Node("DC-1").Item("SKU-1", velocity: VelocityClass.A).Position("SKU-1", "DC-1", 100, burn: 9, usual: 3)
            .Segment("retail", """
                { "id": "ss", "kind": "safety_stock", "method": "days_of_supply", "days": 1 },
                { "id": "peak", "kind": "peak", "burnRateThreshold": 2.5, "adjustments": { "safetyStockFactor": 1.5 } }
                """)
            .Evaluate();

        // Ratio 9 / 3 = 3 ≥ 2.5: 9 × 1.5 = 13.5 → 14.
        var figure = result.SafetyStock.Single();
        figure.Units.Should().Be(14);
        figure.PeakFactor.Should().Be(1.5);
    }

    [Test]
    public void Evaluate_SegmentEntitledToSafetyStock_IsMarkedWaived()
    {
        var result = new StockNetwork()
            .Node("DC-1").Item("SKU-1").Position("SKU-1", "DC-1", 10)
            .Segment("vip", """{ "id": "ss", "kind": "safety_stock", "method": "fixed", "quantity": 4 }""", entitlements: """{ "consumeSafetyStock": true }""")
            .Evaluate();

        result.SafetyStock.Single().Should().Match<SafetyStockFigure>(f => f.Units == 4 && f.Waived);
    }

    [Test]
    public void Evaluate_ConditionThatFails_IsReportedAndSkipped()
    {
        var result = new StockNetwork()
            .Node("DC-1").Item("SKU-1").Position("SKU-1", "DC-1", 10)
            .Segment("retail", """
                { "id": "ss-broken", "kind": "safety_stock", "condition": "position.OnHand / position.Committed > 1", "method": "fixed", "quantity": 9 },
                { "id": "ss", "kind": "safety_stock", "method": "fixed", "quantity": 1 }
                """)
            .Evaluate();

        result.SafetyStock.Single().RuleId.Should().Be("ss");
        result.Failures.Should().ContainSingle().Which.RuleId.Should().Be("ss-broken");
        result.FailureCount.Should().Be(1);
    }

    [Test]
    public void Evaluate_UnknownSku_IsSkippedAndSaysSo()
    {
        var result = new StockNetwork()
            .Node("DC-1").Item("SKU-1").Position("SKU-9", "DC-1", 10)
            .Segment("retail", """{ "id": "ss", "kind": "safety_stock", "method": "fixed", "quantity": 1 }""")
            .Evaluate();

        result.PositionsSkipped.Should().Be(1);
        result.Failures.Single().Message.Should().Contain("unknown sku or node");
    }
}
