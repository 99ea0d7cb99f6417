using InventoryRules.Engine.Decisions;
using InventoryRules.Engine.Stock;
using InventoryRules.Engine.Tests.Decisions;

namespace InventoryRules.Engine.Tests.Stock;

/// <summary>A small network for re-evaluation tests, in the test's own words: nodes, items, positions, lots and each segment's rules.</summary>
sealed class StockNetwork
{
    public static readonly DateTimeOffset Now = Scenario.Now;

    readonly List<Node> nodes = [];
    readonly List<Item> items = [];
    readonly List<StockPosition> positions = [];
    readonly List<StockLot> lots = [];
    readonly List<SegmentRules> segments = [];

    public StockNetwork Node(string code, NodeType type = NodeType.Dc, string[]? capabilities = null)
    {
        nodes.Add(new Node(new NodeId(code), code, type, "DE", null, 52.5, 13.4, true, capabilities ?? [], 500, 3, 0.2m, [],
            new Dictionary<EventType, string>()));
        return this;
    }

    public StockNetwork Item(string sku, string category = "general", VelocityClass velocity = VelocityClass.B, int? shelfLifeDays = null)
    {
        items.Add(new Item(new ItemId(sku), sku, category, velocity, new Dictionary<string, int>(), shelfLifeDays is not null, shelfLifeDays,
            false, false, false, 5, 10));
        return this;
    }

    public StockNetwork Position(string sku, string node, long onHand, long committed = 0, double burn = 0, double sd = 0, double usual = 0,
        long inTransit = 0, bool quarantined = false)
    {
        positions.Add(new StockPosition(sku, node, onHand, committed, inTransit, quarantined, Now.AddHours(-1),
            new DemandStats(burn, usual == 0 ? burn : usual, sd)));
        return this;
    }

    public StockNetwork Lot(string sku, string node, string lot, long quantity, double daysLeft)
    {
        lots.Add(new StockLot(sku, node, lot, quantity, Now.AddDays(daysLeft)));
        return this;
    }

    public StockNetwork Segment(string code, string rules, double serviceLevel = 0.95, string? entitlements = null)
    {
        segments.Add(new SegmentRules(new Segment(code, code, TimeSpan.FromMinutes(5), serviceLevel), Scenario.Compile(code, rules, entitlements)));
        return this;
    }

    public IReadOnlyList<StockPosition> Positions => positions;

    public StockReevaluationInput Input(DateTimeOffset? at = null) => new(at ?? Now, positions, lots, items, nodes, segments);

    public StockReevaluation Evaluate(DateTimeOffset? at = null, int threads = 1) => StockReevaluator.Evaluate(Input(at), threads);
}
