using CsCheck;
using FluentAssertions;
using InventoryRules.Engine.Decisions;
using InventoryRules.Engine.Stock;
using InventoryRules.Engine.Tests.Decisions;

namespace InventoryRules.Engine.Tests.Stock;

/// <summary>
/// Background re-evaluation and decisions must agree: the safety stock and the other segments' holds a
/// decision keeps back at a node (on-hand − committed − available now) are the figures the re-evaluation
/// writes, over random positions and rule sets.
/// </summary>
public class DecisionAgreementTests
{
    static readonly string[] SafetyStockRules =
    [
        """{ "id": "ss-fixed", "kind": "safety_stock", "method": "fixed", "quantity": 3, "scope": { "nodeTypes": ["store"] } }""",
        """{ "id": "ss-days", "kind": "safety_stock", "condition": "position.BurnRate > 2", "method": "days_of_supply", "days": 2.5, "min": 2, "max": 60 }""",
        """{ "id": "ss-sl", "kind": "safety_stock", "method": "service_level", "serviceLevel": 0.98, "leadTimeDays": 3, "leadTimeStdDevDays": 0.5, "max": 200 }""",
        """{ "id": "ss-sl-segment", "kind": "safety_stock", "method": "service_level", "leadTimeDays": 2, "scope": { "velocityClasses": ["A"] } }""",
        """{ "id": "peak", "kind": "peak", "burnRateThreshold": 2, "adjustments": { "safetyStockFactor": 1.5 } }""",
    ];

    static readonly string[] VipHolds =
    [
        """{ "id": "h-share", "kind": "hold", "forSegment": "vip", "share": 0.1, "scope": { "velocityClasses": ["A"] } }""",
        """{ "id": "h-qty", "kind": "hold", "forSegment": "vip", "quantity": 7, "condition": "position.DaysOfSupply < 40" }""",
        """{ "id": "h-old", "kind": "hold", "forSegment": "vip", "quantity": 50, "expiresAt": "2026-01-01T00:00:00Z" }""",
    ];

    static readonly (string Code, NodeType Type)[] Nodes = [("DC-1", NodeType.Dc), ("DS-1", NodeType.DarkStore), ("ST-1", NodeType.Store)];

    [Test]
    public void Evaluate_RandomNetworks_GiveTheFloorsDecisionsUse()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var velocity = (VelocityClass)random.Next(3);
            var rules = string.Join(",", SafetyStockRules.Where(_ => random.Next(2) == 0));
            var holds = string.Join(",", VipHolds.Where(_ => random.Next(2) == 0));
            var network = new StockNetwork().Item("SKU-1", velocity: velocity);
            var positions = new List<PositionSnapshot>();
            foreach (var (code, type) in Nodes)
            {
                network.Node(code, type, ["ship_from_store"]);
                var onHand = 400 + random.Next(600);
                var committed = random.Next(100);
                var demand = new DemandStats(random.Next(0, 30) * 0.7, random.Next(1, 15), random.Next(0, 3) == 0 ? 0 : random.NextDouble() * 8);
                network.Position("SKU-1", code, onHand, committed, demand.BurnRate, demand.DailyStdDev, demand.UsualBurnRate);
                positions.Add(new PositionSnapshot("SKU-1", code, onHand, committed, 0, 0, false, [], demand));
            }
            network.Segment("ecommerce", rules, serviceLevel: 0.95).Segment("vip", holds);
            var result = network.Evaluate();

            var snapshot = new DecisionSnapshot(StockNetwork.Now, new Segment("ecommerce", "", TimeSpan.FromMinutes(5), 0.95),
                [new Item(new ItemId("SKU-1"), "SKU-1", "general", velocity, new Dictionary<string, int>(), false, null, false, false, false, 5, 10)],
                [.. Nodes.Select(n => new Node(new NodeId(n.Code), n.Code, n.Type, "DE", null, 52.5, 13.4, true, ["ship_from_store"], 500, 3, 0.2m, [],
                    new Dictionary<EventType, string>()))],
                positions, [.. Nodes.Select(n => new NodeState(n.Code, StockNetwork.Now.AddSeconds(-1), 0))], DecisionSettings.Default);
            var book = new RuleBook(Scenario.Compile("ecommerce", rules, null), [Scenario.Compile("vip", holds, null)]);
            var request = new DecisionRequest("O-1", "ecommerce", new CustomerRef("C-1", "standard"), new ShipTo("DE", "10115", 52.52, 13.4),
                [new OrderLine("L1", "SKU-1", 1)]);
            var availability = Decider.Availability(request, snapshot, book, null).Lines[0].Nodes;

            foreach (var p in positions)
            {
                var safety = result.SafetyStock.Where(f => f.Node == p.Node && f.Segment == "ecommerce").Sum(f => f.Units);
                var held = result.Held.Where(h => h.Node == p.Node).Sum(h => h.Units);
                var floor = p.OnHand - p.Committed - availability.Single(a => a.Node == p.Node).AvailableNow;
                (safety + held).Should().Be(floor, $"seed {seed}, node {p.Node}, rules [{rules}], holds [{holds}]");
            }
        }, iter: 150);
    }

    [Test]
    public void Evaluate_InParallel_GivesTheSameRowsInTheSameOrder()
    {
        var network = new StockNetwork().Node("DC-1").Node("ST-1", NodeType.Store).Item("SKU-A", velocity: VelocityClass.A).Item("SKU-B");
        for (var k = 0; k < 20_000; k++) network.Position(k % 2 == 0 ? "SKU-A" : "SKU-B", k % 3 == 0 ? "ST-1" : "DC-1", k % 97, k % 5, k % 13, k % 4);
        network.Segment("retail", string.Join(",", SafetyStockRules)).Segment("vip", string.Join(",", VipHolds));

        var one = network.Evaluate(threads: 1);
        var many = network.Evaluate(threads: 4);

        many.SafetyStock.Should().Equal(one.SafetyStock);
        many.Holds.Should().Equal(one.Holds);
        many.Held.Should().Equal(one.Held);
        one.PositionsEvaluated.Should().Be(20_000);
    }
}
