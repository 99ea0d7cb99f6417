using System.Globalization;
using InventoryRules.Benchmarks;

// Ingest benchmarks (BENCHMARKS.md: P5 on PostgreSQL, P5s on SQLite). Subcommands:
//   ingest   end-to-end throughput over 100,000 and 1,000,000 events (Stopwatch over the whole size)
//   profile  where a batch's time goes, statement by statement
//   bdn      BenchmarkDotNet, one fresh 1,000-event batch per invocation
// Run `dotnet run -c Release --project Tests/InventoryRules.Benchmarks -- help`.

const string Usage = """
    InventoryRules ingest benchmarks (P5, P5s)

      ingest  --pg "<server connection string>" [--sizes 100000,1000000] [--paths p1,p2,...] [--clients 4]
              [--warmup 3] [--cap-seconds 600] [--no-sqlite] [--api <InventoryRules.Api.dll>] [--out <table.md>]
              [--service-env KEY=VALUE,...]
          Paths: pg-copy (reference), pg-copy-1k, pg-insert-1k, pg-engine-1, pg-engine-n, pg-http-1, pg-http (P5),
                 pg-copy-again (drift check), sqlite-insert (reference), sqlite-engine-1, sqlite-http (P5s),
                 sqlite-insert-again (drift check). Default: all.
          Without --pg only the SQLite paths run. --pg names a server; the harness creates and drops
          databases irbench_* in it (the user needs CREATEDB).

      profile --pg "<server connection string>" [--batches 200] [--warmup 5] [--no-sqlite]
          Splits a batch's time: JSON parse, each SQL statement by purpose, ILedgerBulk steps, commit.

      bdn     [--pg "<server connection string>"] [BenchmarkDotNet arguments, e.g. --filter *]
          PostgresBatch (COPY vs ingest per 1,000), SqliteBatch (prepared INSERT vs ingest), CpuBatch.
          Figures are per event (OperationsPerInvoke = 1,000); the events/s column is 1 s / median.

      p6      [BenchmarkDotNet arguments] — stock re-evaluation (P6): StockReevaluator against a naive NRules session
          over 10,000, 100,000 and 1,000,000 synthetic positions under the sample rule sets (no database needed).

      p6-job  [--pg "<server connection string>"] [--sizes 100000,1000000] [--no-sqlite]
          P6 end to end: the stock-reevaluation job (load, evaluate, diff and write) over a seeded store, a first
          run writing every figure and a second finding nothing changed (JobEndToEnd.cs).

      replay  [--pg "<server connection string>"] [--sizes 10000,100000] [--no-sqlite] [--api <InventoryRules.Api.dll>]
          P7 end to end: the experiment-replay job over N logged decisions of the samples, with its progress.
          (The pure part, per decision against P2: bdn --filter '*ReplayBenchmarks*'.)

    Run with -c Release. The script run-benchmarks.sh beside this project starts a throwaway PostgreSQL
    cluster (fsync on), runs everything and removes the cluster.
    """;

if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 1 : 0;
}

var command = args[0];
var rest = args[1..];
string? Option(string name)
{
    var i = Array.IndexOf(rest, name);
    return i >= 0 && i + 1 < rest.Length ? rest[i + 1] : null;
}
bool Flag(string name) => rest.Contains(name);
int Int(string name, int fallback) => Option(name) is { } v ? int.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

#if DEBUG
Console.WriteLine("warning: a Debug build; benchmark figures need -c Release");
#endif

Console.WriteLine($"{DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}; {Environment.ProcessorCount} cores; .NET {Environment.Version}; {Environment.OSVersion}");

switch (command)
{
    case "ingest":
    {
        var settings = new IngestSettings
        {
            PgServer = Option("--pg"),
            Sqlite = !Flag("--no-sqlite"),
            Sizes = Option("--sizes") is { } sizes
                ? [.. sizes.Split(',').Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))]
                : [100_000, 1_000_000],
            Paths = Option("--paths") is { } paths ? paths.Split(',').ToHashSet(StringComparer.Ordinal) : null,
            Clients = Int("--clients", 4),
            WarmupBatches = Int("--warmup", 3),
            Cap = TimeSpan.FromSeconds(Int("--cap-seconds", 600)),
            ApiDll = Option("--api"),
            Out = Option("--out"),
            ServiceEnvironment = (Option("--service-env") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "", StringComparer.Ordinal),
        };
        return await new IngestRunner(settings).RunAsync();
    }
    case "profile":
        return await new ProfileRunner(Option("--pg"), !Flag("--no-sqlite"), Int("--batches", 200), Int("--warmup", 5)).RunAsync();
    case "bdn":
    {
        var pg = Option("--pg");
        var bdnArgs = pg is null ? rest : [.. rest.Where((_, i) => i != Array.IndexOf(rest, "--pg") && i != Array.IndexOf(rest, "--pg") + 1)];
        return await BenchmarkDotNetCommand.RunAsync(pg, bdnArgs, ArtifactsPath());
    }
    case "p6":
        return await BenchmarkDotNetCommand.RunAsync(null, ["--filter", "*StockReevaluationBenchmarks*", .. rest], ArtifactsPath());
    case "p6-job":
        return await JobEndToEnd.RunAsync(Option("--pg"), !Flag("--no-sqlite"), Option("--sizes") is { } p6Sizes
            ? [.. p6Sizes.Split(',').Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))]
            : [100_000, 1_000_000]);
    case "replay":
    {
        // P7 end to end: the experiment-replay job over 10,000 and 100,000 logged decisions (SQLite; PostgreSQL with --pg).
        int[] sizes = Option("--sizes") is { } s
            ? [.. s.Split(',').Select(x => int.Parse(x.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))]
            : [10_000, 100_000];
        return await new ReplayRunner(Option("--pg"), !Flag("--no-sqlite"), sizes, Option("--api") ?? IngestRunner.DefaultApiDll()).RunAsync();
    }
    default:
        Console.Error.WriteLine($"unknown command '{command}'");
        Console.WriteLine(Usage);
        return 2;
}

// BenchmarkDotNet's reports go beside this project (git-ignored), not into the working directory.
static string ArtifactsPath()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InventoryRules.Benchmarks.csproj"))) dir = dir.Parent;
    return Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
}
