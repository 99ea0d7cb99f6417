using System.Text.Json.Nodes;
using InventoryRules.Engine.Decisions;
using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Tests.Decisions;

/// <summary>
/// A small network built in a test's own words: nodes, items, stock and a rule set, then a decision.
/// Every node's feed reported a second before "now" unless the test says otherwise.
/// </summary>
sealed class Scenario
{
    /// <summary>A Wednesday, 09:00 in Berlin: before every cut-off of the day.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    readonly List<Node> nodes = [];
    readonly List<Item> items = [];
    readonly List<PositionSnapshot> positions = [];
    readonly Dictionary<string, NodeState> states = new(StringComparer.Ordinal);
    readonly List<CompiledRuleSet> others = [];
    CompiledRuleSet? ruleSet;
    Segment segment = new("ecommerce", "E-commerce", TimeSpan.FromMinutes(5), 0.95);
    DateTimeOffset now = Now;

    public Scenario Node(string code, string country = "DE", double lat = 52.5, double lon = 13.4, NodeType type = NodeType.Dc,
        bool dutyPaid = true, string[]? capabilities = null, decimal costPerOrder = 3, decimal costPerUnit = 0.2m, int capacity = 500,
        CarrierCutoff[]? cutoffs = null)
    {
        nodes.Add(new Node(new NodeId(code), code, type, country, null, lat, lon, dutyPaid, capabilities ?? [], capacity, costPerOrder,
            costPerUnit, cutoffs ?? [], new Dictionary<EventType, string>()));
        states[code] = new NodeState(code, now.AddSeconds(-1), 0);
        return this;
    }

    public Scenario Item(string sku, string category = "general", VelocityClass velocity = VelocityClass.B, bool hazmat = false,
        bool coldChain = false, bool perishable = false, decimal cost = 5, decimal price = 10)
    {
        items.Add(new Item(new ItemId(sku), sku, category, velocity, new Dictionary<string, int> { ["case"] = 6 }, perishable,
            perishable ? 5 : null, false, hazmat, coldChain, cost, price));
        return this;
    }

    public Scenario Stock(string sku, string node, long onHand, long committed = 0, double burn = 0, double usual = 0,
        bool quarantined = false, params SupplySnapshot[] inTransit)
    {
        positions.Add(new PositionSnapshot(sku, node, onHand, committed, 0, 0, quarantined, inTransit,
            new DemandStats(burn, usual == 0 ? burn : usual, 0)));
        return this;
    }

    public Scenario Feed(string node, DateTimeOffset? lastSeen, int ordersToday = 0)
    {
        states[node] = new NodeState(node, lastSeen, ordersToday);
        return this;
    }

    public Scenario Segment(string code, int toleranceSeconds = 300, double serviceLevel = 0.95)
    {
        segment = new Segment(code, code, TimeSpan.FromSeconds(toleranceSeconds), serviceLevel);
        return this;
    }

    public Scenario At(DateTimeOffset instant)
    {
        now = instant;
        return this;
    }

    /// <summary>The segment's rule set: the rules as JSON objects, and optionally the entitlements object.</summary>
    public Scenario Rules(string rules, string? entitlements = null)
    {
        ruleSet = Compile(segment.Code, rules, entitlements);
        return this;
    }

    /// <summary>Another segment's rule set in force (its holds bind this segment).</summary>
    public Scenario OtherRules(string otherSegment, string rules)
    {
        others.Add(Compile(otherSegment, rules, null));
        return this;
    }

    public static CompiledRuleSet Compile(string segment, string rules, string? entitlements)
    {
        var json = $$"""{ "segment": "{{segment}}", "name": "test", {{(entitlements is null ? "" : $"\"entitlements\": {entitlements},")}} "rules": [ {{rules}} ] }""";
        var document = RuleSetJson.TryRead(JsonNode.Parse(json)) ?? throw new InvalidOperationException("rule set JSON does not fit the model");
        var (compiled, problems) = CompiledRuleSet.Compile($"{segment}-v1", 1, document);
        return compiled ?? throw new InvalidOperationException(string.Join("; ", problems.Select(p => $"{p.Pointer}: {p.Message}")));
    }

    public DecisionSnapshot Snapshot() =>
        new(now, segment, items, nodes, positions, [.. states.Values], DecisionSettings.Default);

    public RuleBook Book() => new(ruleSet ?? Compile(segment.Code, "", null), others);

    public DecisionRequest Order(params (string Sku, long Quantity)[] lines) => Order("standard", "DE", lines);

    public DecisionRequest Order(string tier, string country, params (string Sku, long Quantity)[] lines) =>
        new("ORD-1", segment.Code, new CustomerRef("C-1", tier), new ShipTo(country),
            [.. lines.Select((l, i) => new OrderLine($"L{i + 1}", l.Sku, l.Quantity))]);

    public Decision Decide(params (string Sku, long Quantity)[] lines) => Decider.Decide(Order(lines), Snapshot(), Book());

    public Decision Decide(DecisionRequest request) => Decider.Decide(request, Snapshot(), Book());
}
