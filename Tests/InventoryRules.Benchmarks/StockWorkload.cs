using InventoryRules.Engine;
using InventoryRules.Engine.Decisions;
using InventoryRules.Engine.Stock;
using InventoryRules.Rules.Compilation;

namespace InventoryRules.Benchmarks;

/// <summary>
/// P6's synthetic network: 200 nodes (DCs, stores with ship-from-store, dark stores, 3PLs) and as many
/// items as the size needs, in the sample rule sets' categories and velocity classes, every item stocked
/// at every node; perishables carry two lots each. All five sample rule sets are in force (their safety
/// stock, holds, peaks and reorder rules apply). Deterministic: the same size gives the same input.
/// </summary>
static class StockWorkload
{
    public const int NodeCount = 200;
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    static readonly string[] Categories = ["electronics", "general", "beverages", "dairy", "frozen", "bakery", "produce", "apparel"];
    static readonly string[] Segments = ["retail", "ecommerce", "vip", "cold_chain", "international"];

    public static StockReevaluationInput Build(int positions)
    {
        var nodes = Enumerable.Range(0, NodeCount).Select(i =>
        {
            var type = (i % 5) switch { 0 => NodeType.Dc, 1 or 2 => NodeType.Store, 3 => NodeType.DarkStore, _ => NodeType.ThirdPartyLogistics };
            IReadOnlyList<string> capabilities = type switch
            {
                NodeType.Store => ["ship_from_store"],
                NodeType.Dc => ["cross_dock", "cold_chain"],
                NodeType.DarkStore => ["cold_chain"],
                _ => ["cross_dock"],
            };
            return new Node(new NodeId($"N-{i:000}"), $"Node {i}", type, i % 9 == 4 ? "CH" : "DE", null, 47.5 + i % 70 / 10.0, 6.5 + i % 80 / 10.0,
                true, capabilities, 400, 2.5m, 0.3m, [], new Dictionary<EventType, string>());
        }).ToList();
        var itemCount = (positions + NodeCount - 1) / NodeCount;
        var items = Enumerable.Range(0, itemCount).Select(i =>
        {
            var category = Categories[i % Categories.Length];
            var perishable = category is "dairy" or "bakery" or "produce" or "frozen";
            int? shelfLife = category switch { "dairy" => 14, "bakery" => 3, "produce" => 7, "frozen" => 180, _ => null };
            return new Item(new ItemId($"SKU-{i:000000}"), "", category, (VelocityClass)(i * 7 % 3), new Dictionary<string, int>(), perishable,
                shelfLife, false, false, category is "dairy" or "frozen", 4 + i % 10, 9 + i % 20);
        }).ToList();
        var stock = new List<StockPosition>(positions);
        var lots = new List<StockLot>();
        for (var k = 0; k < positions; k++)
        {
            var item = items[k / NodeCount];
            var node = nodes[k % NodeCount];
            var burn = (k * 31 % 23) * 0.5;
            var onHand = k * 17 % 120;
            stock.Add(new StockPosition(item.Sku.Value, node.Code.Value, onHand, k % 7, k % 11 == 0 ? 24 : 0, k % 997 == 0, Now.AddHours(-(k % 48)),
                new DemandStats(burn, burn * (0.6 + k % 5 * 0.2), k % 4 == 0 ? 0 : 0.3 + burn * 0.4)));
            if (item.Perishable)
            {
                var life = item.ShelfLifeDays!.Value;
                lots.Add(new StockLot(item.Sku.Value, node.Code.Value, $"L{k}a", onHand / 3, Now.AddDays(k % Math.Max(2, life / 3) + 0.5)));
                lots.Add(new StockLot(item.Sku.Value, node.Code.Value, $"L{k}b", onHand - onHand / 3, Now.AddDays(life - k % 3 + 0.5)));
            }
        }
        var rules = Segments.Select(s => new SegmentRules(new Segment(s, s, TimeSpan.FromMinutes(5), s == "vip" ? 0.98 : 0.95),
            CompiledRuleSet.Compile($"{s}-v1", 1, SampleRuleSetFiles.Load(s)).RuleSet!)).ToList();
        return new StockReevaluationInput(Now, stock, lots, items, nodes, rules);
    }
}
