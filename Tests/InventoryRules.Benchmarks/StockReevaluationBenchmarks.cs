using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using InventoryRules.Engine.Stock;
using InventoryRules.Engine.Stock.Baseline;

namespace InventoryRules.Benchmarks;

// P6 (BENCHMARKS.md): full re-evaluation of safety stock, holds and reorder triggers over N positions under
// the five sample rule sets (StockWorkload), the pure part of the job (writing the changed rows is the
// API's). The reference in the same run is the naive NRules session over the same facts. It is measured at
// 1,000 and 10,000 positions only: it already takes about 25 s at 10,000 and grows faster than linearly (NRules
// inserts slow down as working memory grows), so 100,000 would take the better part of an hour per run. The
// engine runs at every size, so both the ratio (at 1,000 and 10,000) and the growth show. Run: `... p6` (Program.cs), or `bdn --filter '*StockReevaluation*'`.

/// <summary>Few, long iterations: one invocation is a whole run over up to a million positions.</summary>
public sealed class StockReevaluationConfig : ManualConfig
{
    public StockReevaluationConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithInvocationCount(1).WithUnrollFactor(1).WithId("p6"));
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
    }
}

[Config(typeof(StockReevaluationConfig))]
public class StockReevaluationBenchmarks
{
    /// <summary>Above this size the reference is not run (its row then shows an empty call).</summary>
    const int NaiveLimit = 10_000;

    StockReevaluationInput input = null!;

    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Positions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        input = StockWorkload.Build(Positions);
        var result = StockReevaluator.Evaluate(input);
        Console.WriteLine($"// {Positions:N0} positions: {result.SafetyStock.Count:N0} safety stock rows, {result.Holds.Count:N0} hold rows, "
            + $"{result.Reorders.Count:N0} reorder rows ({result.Reorders.Count(r => r.Triggered):N0} triggered), {result.FailureCount} failures");
        if (Positions <= NaiveLimit)
        {
            // The reference must compute the same rows before either is timed.
            var naive = NaiveStockSession.Evaluate(input);
            if (naive.SafetyStock.Count != result.SafetyStock.Count || naive.Holds.Count != result.Holds.Count || naive.Reorders.Count != result.Reorders.Count
                || naive.SafetyStock.Sum(f => f.Units) != result.SafetyStock.Sum(f => f.Units) || naive.Holds.Sum(f => f.Units) != result.Holds.Sum(f => f.Units)
                || naive.Reorders.Sum(f => f.Quantity) != result.Reorders.Sum(f => f.Quantity))
            {
                throw new InvalidOperationException("the naive NRules session and StockReevaluator disagree");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "naive NRules session")]
    public int NaiveNRules() => Positions > NaiveLimit ? 0 : NaiveStockSession.Evaluate(input).SafetyStock.Count;

    [Benchmark(Description = "StockReevaluator, all cores")]
    public int Engine() => StockReevaluator.Evaluate(input).SafetyStock.Count;

    [Benchmark(Description = "StockReevaluator, one thread")]
    public int EngineOneThread() => StockReevaluator.Evaluate(input, maxDegreeOfParallelism: 1).SafetyStock.Count;
}
