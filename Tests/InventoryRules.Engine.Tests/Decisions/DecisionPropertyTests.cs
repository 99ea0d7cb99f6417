using System.Text.Json;
using CsCheck;
using FluentAssertions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Tests.Decisions;

/// <summary>
/// Laws of every decision, over random networks, stock, rule sets and orders: every requested unit is
/// accounted for, nothing is promised beyond what a position may give, the split limit holds, and a
/// decision replayed on its logged (serialised) snapshot is the same decision.
/// A failure prints CsCheck's seed; pass it as <c>seed:</c> to Sample to replay that case first.
/// </summary>
public class DecisionPropertyTests
{
    const int Iterations = 300;
    static readonly string[] Countries = ["DE", "DE", "CH", "AT"];
    static readonly string[] Skus = ["SKU-1", "SKU-2", "SKU-3", "SKU-4"];

    /// <summary>Rule fragments a random rule set is assembled from.</summary>
    static readonly string[] Fragments =
    [
        """{ "id": "ss-fixed", "kind": "safety_stock", "method": "fixed", "quantity": 2 }""",
        """{ "id": "ss-days", "kind": "safety_stock", "method": "days_of_supply", "days": 2, "max": 6 }""",
        """{ "id": "hold-own", "kind": "hold", "forSegment": "ecommerce", "forCustomerTiers": ["gold"], "share": 0.3 }""",
        """{ "id": "ne-duty", "kind": "node_eligibility", "condition": "order.ShipToCountry == \"CH\"", "requireDutyPaid": true, "reason": "not duty-paid" }""",
        """{ "id": "ne-domestic", "kind": "node_eligibility", "eligible": "node.Country == order.ShipToCountry", "reason": "abroad" }""",
        """{ "id": "route", "kind": "routing", "weights": { "transitDays": 2, "cost": 1, "inventoryDepth": 0.2, "cutoffMissed": 3 }, "score": "node.Type == \"store\" ? 1 : 0" }""",
        """{ "id": "split-none", "kind": "split", "allowSplit": false, "maxNodesPerOrder": 1 }""",
        """{ "id": "split-three", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 3, "splitPenalty": 2, "allowLineSplit": true }""",
        """{ "id": "split-whole-lines", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 2, "splitPenalty": 1, "allowLineSplit": false }""",
        """{ "id": "bo-sub", "kind": "backorder", "action": "substitute", "substitutions": [ { "for": "SKU-1", "use": ["SKU-2", "SKU-3"] } ] }""",
        """{ "id": "bo-reject", "kind": "backorder", "condition": "line.Quantity > 8", "action": "reject" }""",
        """{ "id": "bo-limit", "kind": "backorder", "action": "backorder", "maxBackorderDays": 5 }""",
        """{ "id": "peak", "kind": "peak", "burnRateThreshold": 1.5, "adjustments": { "maxNodesPerOrder": 3, "safetyStockFactor": 1.5 } }""",
    ];

    public sealed record Case(DecisionRequest Request, DecisionSnapshot Snapshot, string Rules, string? OtherHold)
    {
        public RuleBook Book() => new(Scenario.Compile("ecommerce", Rules, null),
            OtherHold is null ? [] : [Scenario.Compile("vip", OtherHold, null)]);

        public override string ToString() => $"rules [{Rules}] hold [{OtherHold}] order {JsonSerializer.Serialize(Request)} stock {JsonSerializer.Serialize(Snapshot.Positions)}";
    }

    static readonly Gen<Node> Nodes =
        from type in Gen.Int[0, 2]
        from country in Gen.Int[0, Countries.Length - 1]
        from dutyPaid in Gen.Bool
        from shipFromStore in Gen.Bool
        from lat in Gen.Double[46, 54]
        from lon in Gen.Double[6, 15]
        from costPerOrder in Gen.Int[1, 6]
        select new Node(new NodeId(""), "", type == 0 ? NodeType.Store : type == 1 ? NodeType.Dc : NodeType.ThirdPartyLogistics, Countries[country], null,
            lat, lon, dutyPaid, shipFromStore ? ["ship_from_store"] : [], 100, costPerOrder, 0.2m, [], new Dictionary<EventType, string>());

    static readonly Gen<Case> Cases =
        from nodeSpecs in Nodes.Array[1, 6]
        from stock in Gen.Int[0, 15].Array[nodeSpecs.Length * Skus.Length]
        from committed in Gen.Int[0, 4].Array[nodeSpecs.Length * Skus.Length]
        from burn in Gen.Double[0, 3].Array[Skus.Length]
        from stale in Gen.Int[0, 9].Array[nodeSpecs.Length]
        from quarantined in Gen.Int[0, 9].Array[nodeSpecs.Length * Skus.Length]
        from supplyDays in Gen.Int[0, 10].Array[nodeSpecs.Length * Skus.Length]
        from fragments in Gen.Int[0, Fragments.Length - 1].Array[0, 5]
        from hold in Gen.Bool
        from lineSkus in Gen.Int[0, Skus.Length - 1].Array[1, 5]
        from quantities in Gen.Int[1, 12].Array[5]
        from tier in Gen.OneOfConst("standard", "gold")
        from shipTo in Gen.Int[0, Countries.Length - 1]
        select Build(nodeSpecs, stock, committed, burn, stale, quarantined, supplyDays, fragments, hold, lineSkus, quantities, tier, Countries[shipTo]);

    static Case Build(Node[] nodeSpecs, int[] stock, int[] committed, double[] burn, int[] stale, int[] quarantined, int[] supplyDays,
        int[] fragments, bool hold, int[] lineSkus, int[] quantities, string tier, string country)
    {
        var nodes = nodeSpecs.Select((n, i) => n with { Code = new NodeId($"N{i}"), Name = $"N{i}" }).ToList();
        var items = Skus.Select(s => new Item(new ItemId(s), s, "general", VelocityClass.A, new Dictionary<string, int>(), false, null, false, false, false, 5, 9)).ToList();
        var positions = new List<PositionSnapshot>();
        for (var n = 0; n < nodes.Count; n++)
        {
            for (var s = 0; s < Skus.Length; s++)
            {
                var k = n * Skus.Length + s;
                SupplySnapshot[] supply = supplyDays[k] > 0 ? [new SupplySnapshot(5, Scenario.Now.AddDays(supplyDays[k]), $"ASN-{k}")] : [];
                positions.Add(new PositionSnapshot(Skus[s], nodes[n].Code.Value, stock[k], committed[k], 0, 0, quarantined[k] == 0, supply,
                    new DemandStats(burn[s], 1, 0)));
            }
        }
        var states = nodes.Select((n, i) => new NodeState(n.Code.Value, Scenario.Now.AddSeconds(stale[i] == 0 ? -3600 : -5), 0)).ToList();
        var snapshot = new DecisionSnapshot(Scenario.Now, new Segment("ecommerce", "E", TimeSpan.FromMinutes(5), 0.95), items, nodes, positions, states,
            DecisionSettings.Default);
        var request = new DecisionRequest("ORD", "ecommerce", new CustomerRef("C", tier), new ShipTo(country),
            [.. lineSkus.Select((s, i) => new OrderLine($"L{i}", Skus[s], quantities[i]))]);
        var rules = string.Join(", ", fragments.Distinct().Order().Select(f => Fragments[f]));
        return new Case(request, snapshot, rules, hold ? """{ "id": "vip-hold", "kind": "hold", "forSegment": "vip", "quantity": 3 }""" : null);
    }

    [Test]
    public void Every_requested_unit_is_allocated_substituted_backordered_or_refused() =>
        Cases.Sample(c =>
        {
            var decision = Decider.Decide(c.Request, c.Snapshot, c.Book());
            return decision.Lines.All(l => l.Allocated + l.Substituted + l.Backordered + l.Rejected == l.Requested)
                && decision.Totals.Requested == c.Request.Lines.Sum(l => l.Quantity);
        }, iter: Iterations);

    [Test]
    public void Nothing_is_promised_beyond_what_a_position_may_give() =>
        Cases.Sample(c =>
        {
            var decision = Decider.Decide(c.Request, c.Snapshot, c.Book());
            var taken = decision.Lines.SelectMany(l => l.Allocations.Concat(l.Substitutions)).GroupBy(a => (a.Sku, a.Node));
            foreach (var group in taken)
            {
                var position = c.Snapshot.Positions.Single(p => p.Sku == group.Key.Sku && p.Node == group.Key.Node);
                var state = c.Snapshot.NodeStates.Single(s => s.Node == group.Key.Node);
                if (position.PositionQuarantined || Scenario.Now - state.LastFeedAt > c.Snapshot.Segment.FreshnessTolerance) return false;
                if (group.Sum(a => a.Quantity) > position.OnHand - position.Committed - group.Max(a => a.Floor)) return false;
                if (group.Any(a => a.Quantity <= 0)) return false;
            }
            return true;
        }, iter: Iterations);

    [Test]
    public void An_order_never_ships_from_more_nodes_than_its_split_rule_allows() =>
        Cases.Sample(c =>
        {
            var decision = Decider.Decide(c.Request, c.Snapshot, c.Book());
            var nodes = decision.Lines.SelectMany(l => l.Allocations.Concat(l.Substitutions)).Select(a => a.Node).Distinct().Count();
            var limit = c.Rules.Contains("split-none") && !c.Rules.Contains("\"peak\"") ? 1 : 3;
            return nodes <= limit;
        }, iter: Iterations);

    [Test]
    public void A_decision_replayed_on_its_logged_snapshot_is_the_same_decision() =>
        Cases.Sample(c =>
        {
            var book = c.Book();
            var original = Decider.Decide(c.Request, c.Snapshot, book);
            // What the decision log stores: request and snapshot as JSON, read back later.
            var request = JsonSerializer.Deserialize<DecisionRequest>(JsonSerializer.Serialize(c.Request))!;
            var snapshot = JsonSerializer.Deserialize<DecisionSnapshot>(JsonSerializer.Serialize(c.Snapshot))!;
            var replayed = Decider.Decide(request, snapshot, book);
            return JsonSerializer.Serialize(replayed) == JsonSerializer.Serialize(original);
        }, iter: 100);

    [Test]
    public void When_one_node_can_fill_the_whole_order_the_whole_order_is_filled() =>
        Cases.Sample(c =>
        {
            var decision = Decider.Decide(c.Request, c.Snapshot, c.Book());
            var needed = c.Request.Lines.GroupBy(l => l.Sku).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
            var answer = Decider.Availability(c.Request, c.Snapshot, c.Book(), null);
            var nodes = c.Snapshot.Nodes.Select(n => n.Code.Value);
            var oneNodeFills = nodes.Any(node => needed.All(need =>
                answer.Lines.First(l => l.Sku == need.Key).Nodes.FirstOrDefault(n => n.Node == node)?.AvailableNow >= need.Value));
            return !oneNodeFills || decision.Totals.Allocated == decision.Totals.Requested;
        }, iter: Iterations);
}
