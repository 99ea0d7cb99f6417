using InventoryRules.Engine.Decisions;
using InventoryRules.Rules.Inputs;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// Everything about a run that does not depend on the position: master data as rule inputs (built once,
/// shared read-only by every worker), indexes by code, each item's burn rate ratio across the network (as
/// decisions compute it), the segments' prepared rules, and lots grouped by position.
/// </summary>
internal sealed class ReevaluationPlan
{
    readonly Dictionary<(string Sku, string Node), StockLot[]> lots;

    public ReevaluationPlan(StockReevaluationInput input)
    {
        Now = input.Now;
        LocalNow = TimeZoneInfo.ConvertTime(input.Now, CutoffCalendar.Zone(input.NetworkTimeZone)).DateTime;
        Nodes = [.. input.Nodes];
        NodeIndex = new Dictionary<string, int>(Nodes.Length, StringComparer.Ordinal);
        NodeInputs = new NodeInput[Nodes.Length];
        for (var n = 0; n < Nodes.Length; n++)
        {
            NodeIndex[Nodes[n].Code.Value] = n;
            var node = new NodeInput();
            InputMapping.Fill(node, Nodes[n]);
            // Outside an order nothing of today's capacity is spoken for (as StockInputs).
            node.CapacityLeft = Nodes[n].DailyOrderCapacity;
            NodeInputs[n] = node;
        }
        Items = [.. input.Items];
        ItemIndex = new Dictionary<string, int>(Items.Length, StringComparer.Ordinal);
        ItemInputs = new ItemInput[Items.Length];
        for (var i = 0; i < Items.Length; i++)
        {
            ItemIndex[Items[i].Sku.Value] = i;
            ItemInputs[i] = new ItemInput();
            InputMapping.Fill(ItemInputs[i], Items[i]);
        }
        BurnRateRatios = Ratios(input.Positions);
        Segments = [.. input.Segments.Select(s => new SegmentPlan(s, Nodes, ItemInputs, BurnRateRatios, LocalNow))];
        lots = input.Lots.GroupBy(l => (l.Sku, l.Node)).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public DateTimeOffset Now { get; }

    public DateTime LocalNow { get; }

    public Node[] Nodes { get; }

    public Dictionary<string, int> NodeIndex { get; }

    public NodeInput[] NodeInputs { get; }

    public Item[] Items { get; }

    public Dictionary<string, int> ItemIndex { get; }

    public ItemInput[] ItemInputs { get; }

    public double[] BurnRateRatios { get; }

    public SegmentPlan[] Segments { get; }

    public ReadOnlySpan<StockLot> LotsOf(string sku, string node) =>
        lots.Count > 0 && lots.TryGetValue((sku, node), out var found) ? found : [];

    /// <summary>The context input of every rule in the run: the same instant, in the network's zone.</summary>
    public static ContextInput Context(DateTime localNow) =>
        new() { Now = localNow, Hour = localNow.Hour, DayOfWeek = (int)localNow.DayOfWeek };

    /// <summary>Units per day of each item across the network over its usual rate: 1 when nothing is known, 10 from nothing (DecisionContext.BurnRateRatio).</summary>
    double[] Ratios(IReadOnlyList<StockPosition> positions)
    {
        var burn = new double[Items.Length];
        var usual = new double[Items.Length];
        foreach (var p in positions)
        {
            if (!ItemIndex.TryGetValue(p.Sku, out var i) || !NodeIndex.ContainsKey(p.Node)) continue;
            burn[i] += p.Demand.BurnRate;
            usual[i] += p.Demand.UsualBurnRate;
        }
        var ratios = new double[Items.Length];
        for (var i = 0; i < ratios.Length; i++) ratios[i] = usual[i] > 0 ? burn[i] / usual[i] : burn[i] > 0 ? 10 : 1;
        return ratios;
    }
}
