using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Inputs;
using InventoryRules.Rules.Model;
using RE = RulesEngine;

namespace InventoryRules.Benchmarks;

// P1 (BENCHMARKS.md): a sample rule set's conditions and scores for one order line against N candidate
// nodes. Three ways in one run: Microsoft RulesEngine's ExecuteAllRulesAsync (the reference), our
// compiled delegates, and the same logic hand-written in C#. Every expression is evaluated for every
// node (no scope short-cut) so that the three do the same work. A score enters RulesEngine as the
// boolean rule "(score) > -1e12": the same expression, one comparison more.

/// <summary>In-process, with allocations measured.</summary>
public sealed class RuleEvaluationConfig : ManualConfig
{
    public RuleEvaluationConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(20).WithId("rules"));
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
    }
}

[Config(typeof(RuleEvaluationConfig))]
public class RuleEvaluationBenchmarks
{
    RuleInputs[] inputs = [];
    CompiledRuleSet compiled = null!;
    RE.RulesEngine engine = null!;
    RE.Models.RuleParameter[][] parameters = [];
    Func<RuleInputs, double> handWritten = null!;
    double[] buffer = [];
    int unconditional;

    [Params("ecommerce", "vip")]
    public string RuleSet { get; set; } = "ecommerce";

    [Params(10, 50)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var document = SampleRuleSetFiles.Load(RuleSet);
        compiled = CompiledRuleSet.Compile($"{RuleSet}-v1", 1, document).RuleSet!;
        inputs = [.. Enumerable.Range(0, Nodes).Select(RuleInputsFactory.ForNode)];
        engine = RulesEngineWorkflow.For(document);
        parameters = [.. inputs.Select(RulesEngineWorkflow.Parameters)];
        handWritten = HandWrittenRules.For(RuleSet);
        buffer = compiled.Evaluator.NewBuffer();
        unconditional = compiled.Rules.Count(r => r.Rule.Condition is null);
        // The three must agree before any of them is timed.
        if (Math.Abs(Compiled() - HandWritten()) > 1e-6 || Math.Abs(CompiledPerExpression() - HandWritten()) > 1e-6) throw new InvalidOperationException($"hand-written {RuleSet} differs from the compiled rule set");
    }

    [Benchmark(Baseline = true, Description = "RulesEngine.ExecuteAllRulesAsync")]
    public async Task<int> RulesEngineWorkflow_()
    {
        var passed = 0;
        foreach (var p in parameters)
        {
            foreach (var result in await engine.ExecuteAllRulesAsync(RulesEngineWorkflow.Name, p)) passed += result.IsSuccess ? 1 : 0;
        }
        return passed;
    }

    /// <summary>The hot path: the version's fused delegate, one call per node, values summed as the others sum them.</summary>
    [Benchmark(Description = "compiled rule set (fused delegate)")]
    public double Compiled()
    {
        var total = 0.0;
        foreach (var x in inputs)
        {
            compiled.Evaluator.Evaluate(x, buffer);
            foreach (var value in buffer) total += value;
            total += unconditional;
        }
        return total;
    }

    /// <summary>The same, one delegate per expression: what a naive compilation pays.</summary>
    [Benchmark(Description = "compiled, one delegate per expression")]
    public double CompiledPerExpression()
    {
        var total = 0.0;
        foreach (var x in inputs)
        {
            foreach (var rule in compiled.Rules)
            {
                if (rule.ConditionHolds(x)) total += 1;
                if (rule.Eligible is { } eligible && eligible.Evaluate(x)) total += 1;
                foreach (var number in rule.Numbers.Values) total += number.Evaluate(x);
            }
        }
        return total;
    }

    [Benchmark(Description = "hand-written C#")]
    public double HandWritten()
    {
        var total = 0.0;
        foreach (var x in inputs) total += handWritten(x);
        return total;
    }
}

/// <summary>Compiling a published version: ours once per version, RulesEngine's on first execution.</summary>
[Config(typeof(RuleEvaluationConfig))]
public class RuleSetCompileBenchmarks
{
    RuleSetDocument document = null!;
    RE.Models.RuleParameter[] parameters = [];

    [Params("ecommerce", "vip", "international", "cold_chain", "retail")]
    public string RuleSet { get; set; } = "ecommerce";

    [GlobalSetup]
    public void Setup()
    {
        document = SampleRuleSetFiles.Load(RuleSet);
        parameters = RulesEngineWorkflow.Parameters(RuleInputsFactory.ForNode(0));
    }

    [Benchmark(Baseline = true, Description = "RulesEngine: new + first ExecuteAllRulesAsync")]
    public async Task<int> RulesEngineFirstCall() =>
        (await RulesEngineWorkflow.For(document).ExecuteAllRulesAsync(RulesEngineWorkflow.Name, parameters)).Count;

    [Benchmark(Description = "CompiledRuleSet.Compile")]
    public int Compile() => CompiledRuleSet.Compile($"{RuleSet}-v1", 1, document).RuleSet!.Rules.Count;
}

/// <summary>The sample rule set files, found from the build output upwards.</summary>
static class SampleRuleSetFiles
{
    public static RuleSetDocument Load(string segment)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InventoryRules.sln"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? ".", "samples", "rulesets", segment + ".json");
        return RuleSetJson.TryRead(JsonNode.Parse(File.ReadAllText(path))) ?? throw new InvalidOperationException($"cannot read {path}");
    }
}

/// <summary>Deterministic, varied inputs: one order line, one candidate node each.</summary>
static class RuleInputsFactory
{
    static readonly string[] Types = ["dc", "store", "dark_store", "3pl"];

    public static RuleInputs ForNode(int i) => new()
    {
        Order = new OrderInput { Id = "O-1", Segment = "ecommerce", ShipToCountry = "DE", LineCount = 3, TotalUnits = 7, Value = 84.5m, RequestedInDays = i % 3 },
        Line = new LineInput { LineId = "1", Sku = "SKU-000133", Quantity = 2, Value = 19.9m, Margin = 6.2m },
        Item = new ItemInput { Sku = "SKU-000133", Category = i % 4 == 0 ? "dairy" : "beverages", VelocityClass = (i % 3) switch { 0 => "A", 1 => "B", _ => "C" },
            Perishable = i % 4 == 0, ShelfLifeDays = 14, Hazmat = i % 7 == 0, UnitCost = 1.2m, UnitPrice = 2.5m },
        Node = new NodeInput { Code = $"N-{i}", Type = Types[i % Types.Length], Country = i % 5 == 0 ? "CH" : "DE", DutyPaid = true,
            Capabilities = i % 2 == 0 ? ["ship_from_store"] : ["cross_dock", "cold_chain"], DailyOrderCapacity = 400, CapacityLeft = (i * 37) % 50,
            CostPerOrder = 3.5m, CostPerUnit = 0.4m, DistanceKm = 20 + i * 13, TransitDays = 1 + i % 3, CutoffMet = i % 2 == 0, FeedAgeSeconds = 30 },
        Position = new PositionInput { OnHand = 10 + i, Committed = i % 5, Available = 10 + i - i % 5, BurnRate = 1 + i % 9, DaysOfSupply = (10.0 + i) / (1 + i % 9) },
        Customer = new CustomerInput { Id = "C-1", Tier = (i % 4) switch { 0 => "platinum", 1 => "gold", 2 => "silver", _ => "standard" }, Strategic = i % 2 == 1, ContractPriority = i % 3 },
        Context = new ContextInput { Now = new DateTime(2026, 11, 26, 14, 0, 0, DateTimeKind.Utc), Hour = 14, DayOfWeek = 4, BurnRateRatio = 1 + (i % 5) * 0.3 },
    };
}

/// <summary>The same expressions as one RulesEngine workflow: one rule per expression, scores as a comparison.</summary>
static class RulesEngineWorkflow
{
    public const string Name = "bench";

    public static RE.RulesEngine For(RuleSetDocument document)
    {
        var rules = document.Rules.SelectMany((rule, i) => RuleExpressions.Of(rule, $"/rules/{i}")).Select(slot => new RE.Models.Rule
        {
            RuleName = slot.Pointer,
            RuleExpressionType = RE.Models.RuleExpressionType.LambdaExpression,
            Expression = slot.ResultType == typeof(bool) ? slot.Text : $"({slot.Text}) > -1000000000000",
        }).ToList();
        var settings = new RE.Models.ReSettings { EnableExceptionAsErrorMessage = true };
        return new RE.RulesEngine([new RE.Models.Workflow { WorkflowName = Name, Rules = rules }], settings);
    }

    public static RE.Models.RuleParameter[] Parameters(RuleInputs x) =>
    [
        new("order", x.Order), new("line", x.Line), new("item", x.Item), new("node", x.Node),
        new("position", x.Position), new("customer", x.Customer), new("context", x.Context),
    ];
}
