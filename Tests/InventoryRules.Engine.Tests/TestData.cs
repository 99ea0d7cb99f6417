namespace InventoryRules.Engine.Tests;

/// <summary>Master data for engine tests: one item with packs and cases, nodes with and without authoritative sources.</summary>
static class TestData
{
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>Sold by the each, in inners of 3 and in cases of 12.</summary>
    public const string Bolt = "BOLT-M8";

    /// <summary>A DC that names no authoritative source: every source applies.</summary>
    public const string Dc = "DC-1";

    /// <summary>A second DC, the other end of transfers.</summary>
    public const string OtherDc = "DC-2";

    /// <summary>A store where POS is authoritative for sales and WMS for counts.</summary>
    public const string Store = "STORE-1";

    static readonly Dictionary<string, Item> Items = new(StringComparer.Ordinal)
    {
        [Bolt] = Item(Bolt, ("case", 12), ("inner", 3)),
    };

    static readonly Dictionary<string, Node> Nodes = new(StringComparer.Ordinal)
    {
        [Dc] = Node(Dc),
        [OtherDc] = Node(OtherDc),
        [Store] = Node(Store, (EventType.Sale, "POS"), (EventType.CycleCount, "WMS")),
    };

    public static Item Item(string sku, params (string Uom, int Eaches)[] units) => new(
        new ItemId(sku), "M8 hex bolt", "fasteners", VelocityClass.A,
        units.ToDictionary(u => u.Uom, u => u.Eaches, StringComparer.Ordinal),
        Perishable: false, ShelfLifeDays: null, SerialTracked: false, Hazmat: false, ColdChain: false,
        UnitCost: 0.10m, UnitPrice: 0.25m);

    public static Node Node(string code, params (EventType Type, string Source)[] authoritative) => new(
        new NodeId(code), code, NodeType.Dc, "DE", null, null, null, DutyPaid: true, Capabilities: [],
        DailyOrderCapacity: 1000, CostPerOrder: 2m, CostPerUnit: 0.1m, Cutoffs: [],
        AuthoritativeSources: authoritative.ToDictionary(a => a.Type, a => a.Source));

    public static Item? FindItem(string sku) => Items.GetValueOrDefault(sku);

    public static Node? FindNode(string code) => Nodes.GetValueOrDefault(code);
}
