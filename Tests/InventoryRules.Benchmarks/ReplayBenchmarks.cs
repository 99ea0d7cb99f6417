using BenchmarkDotNet.Attributes;
using InventoryRules.Api.Decisions;
using InventoryRules.Engine.Decisions;
using InventoryRules.Engine.Experiments;
using InventoryRules.Rules.Compilation;

namespace InventoryRules.Benchmarks;

// P7 (BENCHMARKS.md), the pure part: one logged decision of an offline replay, decided again under two
// versions (control and variant) with both outcomes, per logged decision; and the same with the JSON of
// the logged request and snapshot parsed first, as the job does. The reference is P2 in the same run (one
// Decider.Decide over the same 5-line, N-node order): P7's budget is P2 × 200,000 for 100,000 decisions.

[Config(typeof(RuleEvaluationConfig))]
public class ReplayBenchmarks
{
    DecisionRequest request = null!;
    DecisionSnapshot snapshot = null!;
    RuleBook control = null!;
    RuleBook variant = null!;
    string requestJson = "";
    string snapshotJson = "";

    [Params(10, 50)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var others = new[] { "vip", "retail" }.Select(s => CompiledRuleSet.Compile($"{s}-v1", 1, SampleRuleSetFiles.Load(s)).RuleSet!).ToList();
        var document = SampleRuleSetFiles.Load("ecommerce");
        // Two versions of the segment: the variant is the sample with another id and version, so both arms do the same work.
        control = new RuleBook(CompiledRuleSet.Compile("ecommerce-v1", 1, document).RuleSet!, others);
        variant = new RuleBook(CompiledRuleSet.Compile("ecommerce-v2", 2, document).RuleSet!, others);
        (request, snapshot) = DecisionWorkload.Build("ecommerce", Nodes);
        requestJson = DecisionJson.Write(request);
        // Logged as the service logs it since migration 0004: the node list by reference (a replay parses it once per hash).
        snapshotJson = DecisionJson.Write(new LoggedSnapshot(snapshot.Now, snapshot.Segment, snapshot.Items, "nodes-hash", null, snapshot.Positions,
            snapshot.NodeStates, snapshot.Settings));
        var (a, _) = PairedReplay.Decide(request, snapshot, control, variant);
        if (a.Filled == 0) throw new InvalidOperationException("the workload fills nothing");
    }

    [Benchmark(Baseline = true, Description = "P2: Decider.Decide once")]
    public Decision DecideOnce() => Decider.Decide(request, snapshot, control);

    [Benchmark(Description = "P7 pure: both arms + outcomes")]
    public (OrderOutcome, OrderOutcome) PairedDecide() => PairedReplay.Decide(request, snapshot, control, variant);

    [Benchmark(Description = "P7 pure: parse logged JSON + both arms + outcomes")]
    public (OrderOutcome, OrderOutcome) ParseAndPairedDecide()
    {
        var parsedRequest = DecisionJson.Read<DecisionRequest>(requestJson);
        var parsedSnapshot = LoggedSnapshot.Parse(snapshotJson).With(snapshot.Nodes);
        return PairedReplay.Decide(parsedRequest, parsedSnapshot, control, variant);
    }
}
