using FluentAssertions;
using InventoryRules.Engine.Stock;
using InventoryRules.Engine.Stock.Baseline;

namespace InventoryRules.Engine.Tests.Stock;

/// <summary>The P6 reference and the engine compute the same rows, so the benchmark compares like with like.</summary>
public class NaiveSessionAgreementTests
{
    [Test]
    public void Evaluate_SmallNetwork_NaiveNRulesSessionGivesTheSameRows()
    {
        var network = new StockNetwork()
            .Node("DC-1").Node("ST-1", NodeType.Store, ["ship_from_store"]).Node("DS-1", NodeType.DarkStore)
            .Item("SKU-A", "electronics", VelocityClass.A).Item("SKU-B", "general", VelocityClass.B).Item("SKU-YOG", "dairy", VelocityClass.A, shelfLifeDays: 10);
        var k = 0;
        foreach (var sku in new[] { "SKU-A", "SKU-B", "SKU-YOG" })
        {
            foreach (var node in new[] { "DC-1", "ST-1", "DS-1" })
            {
                k++;
                network.Position(sku, node, onHand: 5 + k * 7 % 60, committed: k % 4, burn: k % 5 * 1.5, sd: k % 3, usual: 2, inTransit: k % 2 * 12);
                if (sku == "SKU-YOG") network.Lot(sku, node, $"L{k}", 3 + k, k % 6 + 0.5).Lot(sku, node, $"M{k}", 10, 9.5);
            }
        }
        network
            .Segment("retail", """
                { "id": "ss-store", "kind": "safety_stock", "method": "service_level", "serviceLevel": 0.98, "leadTimeDays": 2, "leadTimeStdDevDays": 0.5, "min": 3, "scope": { "nodeTypes": ["store"] } },
                { "id": "ss-days", "kind": "safety_stock", "condition": "position.BurnRate > 1", "method": "days_of_supply", "days": 4, "max": 60 },
                { "id": "ss-fixed", "kind": "safety_stock", "method": "fixed", "quantity": 2 },
                { "id": "peak", "kind": "peak", "burnRateThreshold": 1.2, "adjustments": { "safetyStockFactor": 1.5 }, "scope": { "velocityClasses": ["A"] } }
                """)
            .Segment("vip", """
                { "id": "h-share", "kind": "hold", "forSegment": "vip", "share": 0.15, "condition": "position.DaysOfSupply < 6", "scope": { "velocityClasses": ["A"] } },
                { "id": "h-qty", "kind": "hold", "forSegment": "vip", "quantity": 4, "expiresAt": "2026-12-24T12:00:00+01:00", "scope": { "nodeTypes": ["dc"] } },
                { "id": "h-gone", "kind": "hold", "forSegment": "vip", "quantity": 9, "expiresAt": "2026-01-01T00:00:00Z" }
                """, entitlements: """{ "consumeSafetyStock": true, "consumeHolds": true }""")
            .Segment("cold_chain", """
                { "id": "ro-dairy", "kind": "reorder", "reorderPoint": "position.BurnRate * 3", "orderUpTo": "position.BurnRate * 6", "minRemainingShelfLifeDays": 3, "shelfLifeFactor": 0.8, "scope": { "categories": ["dairy"] } },
                { "id": "ro-any", "kind": "reorder", "reorderPoint": "position.OnHand + position.InTransit", "minRemainingShelfLifeDays": 0, "shelfLifeFactor": 0 },
                { "id": "ss-dark", "kind": "safety_stock", "method": "fixed", "quantity": 1, "scope": { "nodeTypes": ["dark_store"] } }
                """);

        var fast = StockReevaluator.Evaluate(network.Input());
        var naive = NaiveStockSession.Evaluate(network.Input());

        fast.SafetyStock.Should().NotBeEmpty();
        fast.Holds.Should().Contain(h => h.State == HoldState.Expired).And.Contain(h => h.State == HoldState.ConditionFalse);
        fast.Reorders.Should().Contain(r => r.Triggered).And.Contain(r => r.ExcludedUnits > 0);
        naive.SafetyStock.Should().BeEquivalentTo(fast.SafetyStock);
        naive.Holds.Should().BeEquivalentTo(fast.Holds);
        naive.Held.Should().BeEquivalentTo(fast.Held);
        naive.Reorders.Should().BeEquivalentTo(fast.Reorders);
    }
}
