using InventoryRules.Rules.Inputs;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Decisions;

/// <summary>
/// One decision's working state: the snapshot indexed for lookups, the inputs object the rule
/// delegates read (filled in place, so evaluation allocates nothing), and the trace being written.
/// </summary>
internal sealed class DecisionContext
{
    readonly Dictionary<string, Item> items;
    readonly Dictionary<string, int> nodeIndex;
    readonly Dictionary<string, PositionSnapshot?[]> positionsBySku;
    readonly Dictionary<string, double> burnRateRatios;
    readonly NodeState?[] states;

    public DecisionContext(DecisionRequest request, DecisionSnapshot snapshot, RuleBook rules)
    {
        Request = request;
        Snapshot = snapshot;
        Rules = rules;
        Plan = RulePlan.For(rules.RuleSet);
        Nodes = InCodeOrder(snapshot.Nodes);
        nodeIndex = new Dictionary<string, int>(Nodes.Length, StringComparer.Ordinal);
        for (var n = 0; n < Nodes.Length; n++) nodeIndex[Nodes[n].Code.Value] = n;
        items = new Dictionary<string, Item>(snapshot.Items.Count, StringComparer.Ordinal);
        foreach (var item in snapshot.Items) items[item.Sku.Value] = item;
        positionsBySku = new Dictionary<string, PositionSnapshot?[]>(StringComparer.Ordinal);
        foreach (var p in snapshot.Positions)
        {
            if (!nodeIndex.TryGetValue(p.Node, out var n)) continue;
            if (!positionsBySku.TryGetValue(p.Sku, out var byNode)) positionsBySku[p.Sku] = byNode = new PositionSnapshot?[Nodes.Length];
            byNode[n] = p;
        }
        states = new NodeState?[Nodes.Length];
        foreach (var state in snapshot.NodeStates)
        {
            if (nodeIndex.TryGetValue(state.Node, out var n)) states[n] = state;
        }
        burnRateRatios = new Dictionary<string, double>(StringComparer.Ordinal);
        Buffer = rules.RuleSet.Evaluator.NewBuffer();
        ShipToPoint = Geo.Locate(request.ShipTo);
        Entitlements = rules.RuleSet.Document.Entitlements ?? new Entitlements();
        Inputs = new RuleInputs();
        FillOrder();
    }

    public DecisionRequest Request { get; }

    public DecisionSnapshot Snapshot { get; }

    public RuleBook Rules { get; }

    public RulePlan Plan { get; }

    /// <summary>Every node of the network in code order: the candidates, indexed as in every per-node array.</summary>
    public Node[] Nodes { get; }

    public RuleInputs Inputs { get; }

    public double[] Buffer { get; }

    public List<TraceEntry> Trace { get; } = [];

    /// <summary>Inbound supply already counted on by earlier lines of this decision: (sku, node index, reference) → units.</summary>
    public Dictionary<(string Sku, int Node, string Reference), long> ClaimedSupply { get; } = [];

    public List<Rules.Compilation.RuleSetEvaluator.SlotFailure> Failures { get; } = [];

    public (double Lat, double Lon)? ShipToPoint { get; }

    public Entitlements Entitlements { get; }

    public DateTimeOffset Now => Snapshot.Now;

    public Item? Item(string sku) => items.GetValueOrDefault(sku);

    public PositionSnapshot? Position(string sku, string node) =>
        nodeIndex.TryGetValue(node, out var n) ? Position(sku, n) : null;

    /// <summary>The position of an item at the node with index <paramref name="n"/> in <see cref="Nodes"/>.</summary>
    public PositionSnapshot? Position(string sku, int n) => positionsBySku.TryGetValue(sku, out var byNode) ? byNode[n] : null;

    public NodeState? State(int n) => states[n];

    /// <summary>Units per day of an item across the network now, over its usual rate (1 when nothing is known).</summary>
    public double BurnRateRatio(string sku)
    {
        if (burnRateRatios.TryGetValue(sku, out var known)) return known;
        double burn = 0, usual = 0;
        if (positionsBySku.TryGetValue(sku, out var byNode))
        {
            foreach (var p in byNode)
            {
                if (p is null) continue;
                burn += p.Demand.BurnRate;
                usual += p.Demand.UsualBurnRate;
            }
        }
        var ratio = usual > 0 ? burn / usual : burn > 0 ? 10 : 1;
        burnRateRatios[sku] = ratio;
        return ratio;
    }

    static Node[] InCodeOrder(IReadOnlyList<Node> nodes)
    {
        var ordered = nodes.ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (string.CompareOrdinal(ordered[i - 1].Code.Value, ordered[i].Code.Value) > 0)
            {
                Array.Sort(ordered, (a, b) => string.CompareOrdinal(a.Code.Value, b.Code.Value));
                break;
            }
        }
        return ordered;
    }

    void FillOrder()
    {
        var request = Request;
        decimal value = 0;
        long units = 0;
        foreach (var line in request.Lines)
        {
            units += line.Quantity;
            if (Item(line.Sku) is { } item) value += item.UnitPrice * line.Quantity;
        }
        var zone = CutoffCalendar.Zone(Snapshot.Settings.NetworkTimeZone);
        var local = TimeZoneInfo.ConvertTime(Now, zone);
        Inputs.Order = new OrderInput
        {
            Id = request.OrderId,
            Segment = request.Segment,
            ShipToCountry = request.ShipTo.Country,
            ShipToPostalCode = request.ShipTo.PostalCode ?? "",
            LineCount = request.Lines.Count,
            TotalUnits = units,
            Value = value,
            // Calendar days in the network's zone: "tomorrow 18:00" is 1, whatever the hour now.
            RequestedInDays = request.RequestedDate is { } requested
                ? Math.Max(0, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(requested, zone).DateTime).DayNumber - DateOnly.FromDateTime(local.DateTime).DayNumber)
                : 0,
            PreOrder = request.PreOrder,
        };
        Inputs.Customer = new CustomerInput
        {
            Id = request.Customer.Id,
            Tier = request.Customer.Tier,
            Strategic = request.Customer.Strategic,
            ContractPriority = request.Customer.ContractPriority,
        };
        Inputs.Context = new ContextInput
        {
            Now = local.DateTime,
            Hour = local.Hour,
            DayOfWeek = (int)local.DayOfWeek,
        };
    }

    /// <summary>Points the inputs at one line and its item (node and position are filled per candidate).</summary>
    public void FillLine(OrderLine line, Item item, bool peak, double burnRateRatio)
    {
        var inputs = Inputs;
        inputs.Line.LineId = line.LineId;
        inputs.Line.Sku = line.Sku;
        inputs.Line.Quantity = line.Quantity;
        inputs.Line.Value = item.UnitPrice * line.Quantity;
        inputs.Line.Margin = (item.UnitPrice - item.UnitCost) * line.Quantity;
        InputMapping.Fill(inputs.Item, item);
        inputs.Context.Peak = peak;
        inputs.Context.BurnRateRatio = burnRateRatio;
        inputs.Node = EmptyNode;
        inputs.Position = EmptyPosition;
    }

    /// <summary>What node-free rules see as the node: nothing (they may not read it anyway).</summary>
    static readonly NodeInput EmptyNode = new();

    static readonly PositionInput EmptyPosition = new();
}
