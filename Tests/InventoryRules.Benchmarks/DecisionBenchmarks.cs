using BenchmarkDotNet.Attributes;
using InventoryRules.Engine;
using InventoryRules.Engine.Decisions;
using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Inputs;

namespace InventoryRules.Benchmarks;

// P2 (BENCHMARKS.md): an engine-only decision for a 5-line order over N candidate nodes under a sample
// rule set, cost-minimising allocation and full trace included. The reference in the same run is P1's
// work for the same order: the fused delegate once per line and node (5 × N calls), which is the floor
// any decision over these rules pays.

[Config(typeof(RuleEvaluationConfig))]
public class DecisionBenchmarks
{
    DecisionRequest request = null!;
    DecisionSnapshot snapshot = null!;
    RuleBook book = null!;
    RuleInputs[] inputs = [];
    double[] buffer = [];

    [Params("ecommerce", "vip")]
    public string RuleSet { get; set; } = "ecommerce";

    [Params(10, 50)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var ruleSet = CompiledRuleSet.Compile($"{RuleSet}-v1", 1, SampleRuleSetFiles.Load(RuleSet)).RuleSet!;
        var others = new[] { "ecommerce", "vip", "retail" }.Where(s => s != RuleSet)
            .Select(s => CompiledRuleSet.Compile($"{s}-v1", 1, SampleRuleSetFiles.Load(s)).RuleSet!).ToList();
        book = new RuleBook(ruleSet, others);
        (request, snapshot) = DecisionWorkload.Build(RuleSet, Nodes);
        inputs = [.. Enumerable.Range(0, 5 * Nodes).Select(RuleInputsFactory.ForNode)];
        buffer = ruleSet.Evaluator.NewBuffer();
        var decision = Decider.Decide(request, snapshot, book);
        if (decision.Totals.Allocated == 0) throw new InvalidOperationException("the workload allocates nothing: it would not measure allocation");
        Console.WriteLine($"// {RuleSet}, {Nodes} nodes: allocated {decision.Totals.Allocated}/{decision.Totals.Requested} in {decision.Totals.Shipments} shipments, {decision.Trace.Count} trace entries");
    }

    [Benchmark(Baseline = true, Description = "P1 x 5: fused delegate, 5 lines x N nodes")]
    public double FusedEvaluationOnly()
    {
        var total = 0.0;
        foreach (var x in inputs)
        {
            book.RuleSet.Evaluator.Evaluate(x, buffer);
            total += buffer[0];
        }
        return total;
    }

    [Benchmark(Description = "Decider.Decide (5 lines, trace, allocation)")]
    public Decision Decide() => Decider.Decide(request, snapshot, book);

    [Benchmark(Description = "Decider.Availability (5 lines)")]
    public AvailabilityAnswer Availability() => Decider.Availability(request, snapshot, book, null);
}

/// <summary>
/// A deterministic network of N nodes across Germany and Switzerland (DCs, ship-from-stores, dark
/// stores), five items with stock spread so that no node has everything, and a 5-line order to Berlin.
/// </summary>
static class DecisionWorkload
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    static readonly string[] Skus = ["SKU-000133", "SKU-000022", "SKU-000142", "SKU-000077", "SKU-000500"];

    public static (DecisionRequest Request, DecisionSnapshot Snapshot) Build(string segment, int nodeCount)
    {
        var cutoff = new CarrierCutoff("DHL", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            new TimeOnly(16, 0), "Europe/Berlin");
        var nodes = Enumerable.Range(0, nodeCount).Select(i =>
        {
            var type = (i % 4) switch { 0 => NodeType.Dc, 1 => NodeType.Store, 2 => NodeType.DarkStore, _ => NodeType.Store };
            var swiss = i % 9 == 4;
            return new Node(new NodeId($"N-{i:000}"), $"Node {i}", type, swiss ? "CH" : "DE", null, 47.5 + (i * 37 % 70) / 10.0,
                6.5 + (i * 53 % 80) / 10.0, true, type == NodeType.Store ? ["ship_from_store"] : ["cold_chain"], 400, 2.5m + i % 4, 0.3m,
                [cutoff], new Dictionary<EventType, string>());
        }).ToList();
        var items = Skus.Select((s, i) => new Item(new ItemId(s), s, i % 2 == 0 ? "electronics" : "beverages", (VelocityClass)(i % 3),
            new Dictionary<string, int>(), false, null, false, false, false, 5 + i, 12 + 2 * i)).ToList();
        var positions = new List<PositionSnapshot>();
        for (var n = 0; n < nodeCount; n++)
        {
            for (var s = 0; s < Skus.Length; s++)
            {
                var onHand = (n * 7 + s * 13) % 5 == 0 ? 0 : 3 + (n * 11 + s * 5) % 40;
                positions.Add(new PositionSnapshot(Skus[s], nodes[n].Code.Value, onHand, (n + s) % 3, 0, 0, false,
                    n % 6 == 0 ? [new SupplySnapshot(24, Now.AddDays(2 + s), $"ASN-{n}-{s}")] : [], new DemandStats(1 + (n + s) % 4, 2, 1)));
            }
        }
        var states = nodes.Select(n => new NodeState(n.Code.Value, Now.AddSeconds(-20), 10)).ToList();
        var snapshot = new DecisionSnapshot(Now, new Segment(segment, segment, TimeSpan.FromMinutes(5), 0.97), items, nodes, positions, states,
            DecisionSettings.Default);
        var request = new DecisionRequest("ORD-BENCH", segment, new CustomerRef("C-1", "gold"), new ShipTo("DE", "10115", 52.52, 13.40),
            [.. Skus.Select((s, i) => new OrderLine($"L{i + 1}", s, 1 + i % 3))]);
        return (request, snapshot);
    }
}
