using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using InventoryRules.Api.Data;
using InventoryRules.Api.Ingest;
using InventoryRules.Engine;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InventoryRules.Benchmarks;

// BenchmarkDotNet: one 1,000-event batch per invocation, a fresh batch prepared by [IterationSetup]
// (untimed), OperationsPerInvoke = 1,000 so that every figure is per event. In-process toolchain: the
// harness process itself runs the benchmarks, so no generated project has to build against this repo.

/// <summary>Per-batch work against a database: one invocation per iteration, many iterations.</summary>
public sealed class DbBatchConfig : ManualConfig
{
    public DbBatchConfig() => AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1).WithWarmupCount(10).WithIterationCount(60)
        .WithInvocationCount(1).WithUnrollFactor(1)
        .WithId("batch"));
}

/// <summary>CPU-only steps: microseconds to milliseconds, the default pilot stage picks the invocation count.</summary>
public sealed class CpuConfig : ManualConfig
{
    public CpuConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithId("cpu"));
}

/// <summary>events/s from the median time per operation (one operation = one event).</summary>
public sealed class EventsPerSecondColumn : IColumn
{
    public string Id => nameof(EventsPerSecondColumn);
    public string ColumnName => "events/s (median)";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "1 s / median time per event";

    public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics is { } s && s.Median > 0
            ? (1e9 / s.Median).ToString("N0", CultureInfo.InvariantCulture) : "-";

    public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}

/// <summary>Seeds a store once per process (master data + an opening count per position); each benchmark copies it.</summary>
static class BenchSeed
{
    public const string PgVariable = "INVENTORYRULES_BENCH_PG";
    public const string PgSeed = "irbench_bdn_seed";
    public const int Capacity = 400_000;

    static readonly SemaphoreSlim Gate = new(1, 1);
    static bool pgSeeded;
    static string? sqliteSeed;

    public static string PgServer => Environment.GetEnvironmentVariable(PgVariable) is { Length: > 0 } cs ? cs
        : throw new InvalidOperationException($"{PgVariable} is not set: run `-- bdn --pg \"<server connection string>\"`");

    public static string SqliteDir { get; } = Path.Combine(Path.GetTempPath(), $"irbench-bdn-{Environment.ProcessId}");

    public static async Task<string> PgDatabaseAsync(string name)
    {
        await Gate.WaitAsync();
        try
        {
            if (!pgSeeded)
            {
                var cs = await Pg.CreateAsync(PgServer, PgSeed);
                await using (var stack = IngestStack.Postgres(cs)) await SeedAsync(stack);
                pgSeeded = true;
            }
            return await Pg.CreateAsync(PgServer, name, PgSeed);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<string> SqliteFileAsync(string name)
    {
        await Gate.WaitAsync();
        try
        {
            if (sqliteSeed is null)
            {
                Directory.CreateDirectory(SqliteDir);
                var file = Path.Combine(SqliteDir, "seed.db");
                await using (var stack = IngestStack.Sqlite(file))
                {
                    await SeedAsync(stack);
                    await using var conn = await stack.Db.OpenAsync(CancellationToken.None);
                    await using var cmd = conn.CreateCommand();
                    cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                    await cmd.ExecuteNonQueryAsync();
                }
                SqliteConnection.ClearAllPools();
                sqliteSeed = file;
            }
            var copy = Path.Combine(SqliteDir, name + ".db");
            File.Copy(sqliteSeed, copy, overwrite: true);
            return copy;
        }
        finally
        {
            Gate.Release();
        }
    }

    static async Task SeedAsync(IngestStack stack)
    {
        var workload = new Workload();
        await Migrator.MigrateAsync(stack.Db, CancellationToken.None);
        await workload.LoadMasterDataAsync(stack.Db, CancellationToken.None);
        foreach (var body in Workload.Chunk(workload.NewGenerator(Capacity).Opening(), 1_000).Select(Workload.Serialize))
        {
            await stack.PostAsync(body, CancellationToken.None);
        }
    }

    public static async Task CleanupAsync()
    {
        if (pgSeeded) await Pg.DropAsync(PgServer, PgSeed);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(SqliteDir)) Directory.Delete(SqliteDir, recursive: true);
    }
}

/// <summary>The next fresh batch of the stream, in the forms the benchmarks need.</summary>
sealed class BatchFeed
{
    readonly Workload.Generator generator = new Workload().NewGenerator(BenchSeed.Capacity);
    bool started;

    public byte[] Body { get; private set; } = [];

    public IReadOnlyList<IncomingEvent> Parsed { get; private set; } = [];

    public List<LedgerEvent> Rows { get; private set; } = [];

    public async Task NextAsync(IngestStack stack)
    {
        if (!started)
        {
            generator.Opening(); // the seeded stock the stream continues from
            started = true;
        }
        var batch = generator.Next(1_000);
        Body = Workload.Serialize(batch);
        Parsed = (await IngestStack.ParseAsync(Body, CancellationToken.None)).Events!;
        Rows = await stack.NormalizeAsync(batch, CancellationToken.None);
    }
}

/// <summary>P5 per batch: the ingest stack against binary COPY of the same 1,000 rows, and the events step alone.</summary>
[Config(typeof(DbBatchConfig))]
[MemoryDiagnoser]
public class PostgresBatch
{
    readonly BatchFeed feed = new();
    readonly PostgresLedgerBulk bulk = new();
    string database = "";
    IngestStack stack = null!;
    NpgsqlConnection copyConnection = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        database = $"irbench_bdn_{Guid.NewGuid():N}"[..24];
        var cs = await BenchSeed.PgDatabaseAsync(database);
        stack = IngestStack.Postgres(cs);
        copyConnection = new NpgsqlConnection(cs);
        await copyConnection.OpenAsync();
    }

    [IterationSetup]
    public void NextBatch() => feed.NextAsync(stack).GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = 1_000, Description = "binary COPY of the batch's rows (reference)")]
    public int Copy() => References.Copy(copyConnection, feed.Rows, 0, feed.Rows.Count, Instants.ToMicros(DateTimeOffset.UtcNow));

    [Benchmark(OperationsPerInvoke = 1_000, Description = "events step only: unnest INSERT + commit")]
    public async Task<int> InsertEventsOnly()
    {
        await using var conn = await stack.Db.OpenAsync(CancellationToken.None);
        await using var tx = await conn.BeginTransactionAsync();
        var inserted = await bulk.InsertEventsAsync(tx, feed.Rows, Instants.ToMicros(DateTimeOffset.UtcNow), CancellationToken.None);
        await tx.CommitAsync();
        return inserted.Count;
    }

    [Benchmark(OperationsPerInvoke = 1_000, Description = "EventIngestor.IngestAsync (parsed batch)")]
    public async Task<int> Ingest() => (await stack.Ingestor.IngestAsync(feed.Parsed, keepDeadLetters: true, CancellationToken.None)).Accepted;

    [Benchmark(OperationsPerInvoke = 1_000, Description = "parse JSON body + IngestAsync (what POST /v1/events does)")]
    public async Task<int> ParseAndIngest() => (await stack.PostAsync(feed.Body, CancellationToken.None)).Accepted;

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await copyConnection.DisposeAsync();
        await stack.DisposeAsync();
        await Pg.DropAsync(BenchSeed.PgServer, database);
    }
}

/// <summary>P5s per batch: the ingest stack on SQLite against a prepared INSERT of the same rows in one transaction.</summary>
[Config(typeof(DbBatchConfig))]
[MemoryDiagnoser]
public class SqliteBatch
{
    readonly BatchFeed feed = new();
    readonly SqliteLedgerBulk bulk = new();
    string file = "";
    IngestStack stack = null!;
    SqliteConnection insertConnection = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        file = await BenchSeed.SqliteFileAsync($"bench-{Guid.NewGuid():N}");
        stack = IngestStack.Sqlite(file);
        insertConnection = References.OpenSqlite(file);
    }

    [IterationSetup]
    public void NextBatch() => feed.NextAsync(stack).GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = 1_000, Description = "prepared INSERT of the batch's rows, one transaction (reference)")]
    public int PreparedInsert()
    {
        References.SqliteInsert(insertConnection, feed.Rows, 0, feed.Rows.Count, Instants.ToMicros(DateTimeOffset.UtcNow));
        return feed.Rows.Count;
    }

    [Benchmark(OperationsPerInvoke = 1_000, Description = "events step only: SqliteLedgerBulk.InsertEventsAsync + commit")]
    public async Task<int> InsertEventsOnly()
    {
        await stack.Db.WriteLock.WaitAsync();
        try
        {
            await using var conn = await stack.Db.OpenAsync(CancellationToken.None);
            await using var tx = await conn.BeginTransactionAsync();
            var inserted = await bulk.InsertEventsAsync(tx, feed.Rows, Instants.ToMicros(DateTimeOffset.UtcNow), CancellationToken.None);
            await tx.CommitAsync();
            return inserted.Count;
        }
        finally
        {
            stack.Db.WriteLock.Release();
        }
    }

    [Benchmark(OperationsPerInvoke = 1_000, Description = "EventIngestor.IngestAsync (parsed batch)")]
    public async Task<int> Ingest() => (await stack.Ingestor.IngestAsync(feed.Parsed, keepDeadLetters: true, CancellationToken.None)).Accepted;

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await insertConnection.DisposeAsync();
        await stack.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var f in Directory.EnumerateFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*")) File.Delete(f);
    }
}

/// <summary>The CPU floor of a batch, no store: reading the JSON body, and normalizing the events against master data.</summary>
[Config(typeof(CpuConfig))]
[MemoryDiagnoser]
public class CpuBatch
{
    byte[] body = [];
    IReadOnlyList<IncomingEvent> parsed = [];
    Func<string, Item?> items = _ => null;
    Func<string, Node?> nodes = _ => null;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var workload = new Workload();
        var generator = workload.NewGenerator(10_000);
        generator.Opening();
        body = Workload.Serialize(generator.Next(1_000));
        parsed = (await IngestStack.ParseAsync(body, CancellationToken.None)).Events!;
        var errors = new List<Api.FieldError>();
        var itemMap = workload.Items().Select(i => Api.MasterData.ItemMapping.ToDomain(i, "item", errors)!).ToDictionary(i => i.Sku.Value);
        var nodeMap = workload.Nodes().Select(n => Api.MasterData.NodeMapping.ToDomain(n, "node", errors)!).ToDictionary(n => n.Code.Value);
        if (errors.Count > 0) throw new InvalidOperationException(errors[0].Message);
        items = sku => itemMap.GetValueOrDefault(sku);
        nodes = code => nodeMap.GetValueOrDefault(code);
    }

    [Benchmark(OperationsPerInvoke = 1_000, Description = "parse JSON body (EventBatchReader)")]
    public async Task<int> Parse() => (await IngestStack.ParseAsync(body, CancellationToken.None)).Events!.Count;

    [Benchmark(OperationsPerInvoke = 1_000, Description = "normalize against master data (EventNormalizer)")]
    public int Normalize()
    {
        var now = DateTimeOffset.UtcNow;
        var ok = 0;
        foreach (var e in parsed)
        {
            if (EventNormalizer.Normalize(e.Input!, items, nodes, now, TimeSpan.FromMinutes(5)).Event is not null) ok++;
        }
        return ok;
    }
}

static class BenchmarkDotNetCommand
{
    public static async Task<int> RunAsync(string? pgServer, string[] args, string artifacts)
    {
        if (pgServer is not null) Environment.SetEnvironmentVariable(BenchSeed.PgVariable, pgServer);
        var config = DefaultConfig.Instance
            .AddColumn(new EventsPerSecondColumn(), StatisticColumn.Median, StatisticColumn.P95)
            .WithArtifactsPath(artifacts);
        try
        {
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkDotNetCommand).Assembly).Run(args, config);
            return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }
        finally
        {
            await BenchSeed.CleanupAsync();
        }
    }
}
