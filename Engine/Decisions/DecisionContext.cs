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
    readonly Dictionary<(string Sku, string Node), PositionSnapshot> positions;
    readonly Dictionary<string, NodeState> states;

    public DecisionContext(DecisionRequest request, DecisionSnapshot snapshot, RuleBook rules)
    {
        Request = request;
        Snapshot = snapshot;
        Rules = rules;
        Plan = RulePlan.For(rules.RuleSet);
        Nodes = [.. snapshot.Nodes.OrderBy(n => n.Code.Value, StringComparer.Ordinal)];
        items = snapshot.Items.ToDictionary(i => i.Sku.Value, StringComparer.Ordinal);
        positions = snapshot.Positions.ToDictionary(p => (p.Sku, p.Node));
        states = snapshot.NodeStates.ToDictionary(s => s.Node, StringComparer.Ordinal);
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

    public List<Rules.Compilation.RuleSetEvaluator.SlotFailure> Failures { get; } = [];

    public (double Lat, double Lon)? ShipToPoint { get; }

    public Entitlements Entitlements { get; }

    public DateTimeOffset Now => Snapshot.Now;

    public Item? Item(string sku) => items.GetValueOrDefault(sku);

    public PositionSnapshot? Position(string sku, string node) => positions.GetValueOrDefault((sku, node));

    public NodeState? State(string node) => states.GetValueOrDefault(node);

    /// <summary>Units per day of an item across the network now, over its usual rate (1 when nothing is known).</summary>
    public double BurnRateRatio(string sku)
    {
        double burn = 0, usual = 0;
        foreach (var node in Nodes)
        {
            if (Position(sku, node.Code.Value) is not { } p) continue;
            burn += p.Demand.BurnRate;
            usual += p.Demand.UsualBurnRate;
        }
        return usual > 0 ? burn / usual : burn > 0 ? 10 : 1;
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
            RequestedInDays = request.RequestedDate is { } requested ? Math.Max(0, (int)Math.Ceiling((requested - Now).TotalDays)) : 0,
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
        var i = inputs.Item;
        i.Sku = item.Sku.Value;
        i.Category = item.Category;
        i.VelocityClass = item.VelocityClass.ToString();
        i.Perishable = item.Perishable;
        i.ShelfLifeDays = item.ShelfLifeDays ?? 0;
        i.SerialTracked = item.SerialTracked;
        i.Hazmat = item.Hazmat;
        i.ColdChain = item.ColdChain;
        i.UnitCost = item.UnitCost;
        i.UnitPrice = item.UnitPrice;
        inputs.Context.Peak = peak;
        inputs.Context.BurnRateRatio = burnRateRatio;
        inputs.Node = EmptyNode;
        inputs.Position = EmptyPosition;
    }

    /// <summary>What node-free rules see as the node: nothing (they may not read it anyway).</summary>
    static readonly NodeInput EmptyNode = new();

    static readonly PositionInput EmptyPosition = new();
}
