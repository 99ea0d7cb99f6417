using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InventoryRules.Api.Data;
using InventoryRules.Api.Ingest;
using InventoryRules.Engine;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InventoryRules.Benchmarks;

/// <summary>Settings of the <c>ingest</c> command.</summary>
sealed record IngestSettings
{
    public string? PgServer { get; init; }
    public bool Sqlite { get; init; } = true;
    public IReadOnlyList<int> Sizes { get; init; } = [100_000, 1_000_000];
    public IReadOnlySet<string>? Paths { get; init; }
    public int Clients { get; init; } = 4;
    public int WarmupBatches { get; init; } = 3;
    public TimeSpan Cap { get; init; } = TimeSpan.FromMinutes(10);
    public string? ApiDll { get; init; }
    public string? Out { get; init; }
    public int BatchSize { get; init; } = 1_000;
    public IReadOnlyDictionary<string, string> ServiceEnvironment { get; init; } = new Dictionary<string, string>();
}

/// <summary>One measured path at one size.</summary>
sealed record PathResult(
    int Size, string Store, string Path, string Label, bool Reference, long Events, TimeSpan Elapsed, bool Capped,
    Meter.Reading Cpu, double? P50, double? P99, string Notes)
{
    /// <summary>Paths compare with the reference of their group: "sequential" (one path after another) or "paired".</summary>
    public string Group { get; init; } = "sequential";

    public double Rate => Events / Elapsed.TotalSeconds;

    /// <summary>
    /// CPU time of everything on our side (this process, the service, the PostgreSQL server) per event, in µs:
    /// unlike wall time it hardly moves when other tenants load the machine.
    /// </summary>
    public double CpuMicrosPerEvent => (Cpu.SelfCpu + (Cpu.ServiceCpu ?? 0) + (Cpu.PgCpu ?? 0)) / Math.Max(1, Events) * 1e6;
}

/// <summary>
/// The end-to-end throughput runner: for each size, each path loads the same generated events into a
/// fresh database made from one seeded template (master data and an opening count for every position),
/// with a Stopwatch over the whole size. Paths, per store:
/// PostgreSQL: pg-copy (reference: binary COPY, one stream), pg-copy-1k (a COPY per 1,000, each its own
/// transaction), pg-insert-1k (only the events step of ingest, unnest INSERT per 1,000), pg-engine-1 and
/// pg-engine-N (the ingest stack in-process: parse + EventIngestor, 1 and N concurrent writers),
/// pg-http-1 and pg-http (the real service over HTTP, 1 and N concurrent clients: P5).
/// SQLite: sqlite-insert (reference: prepared INSERT, 1,000 per transaction), sqlite-engine-1, sqlite-http (P5s).
/// </summary>
sealed partial class IngestRunner(IngestSettings settings)
{
    const string SeedDb = "irbench_seed";
    const string RunDb = "irbench_run";

    static readonly string[] PgPaths = ["pg-paired", "pg-copy", "pg-copy-1k", "pg-insert-1k", "pg-engine-1", "pg-engine-n", "pg-http-1", "pg-http", "pg-copy-again"];
    static readonly string[] SqlitePaths = ["sqlite-paired", "sqlite-insert", "sqlite-engine-1", "sqlite-http", "sqlite-insert-again"];

    readonly Workload workload = new();
    readonly List<PathResult> results = [];
    readonly int cores = Environment.ProcessorCount;
    string work = "";
    List<EventInput> opening = [];
    List<EventInput> stream = [];
    List<byte[]> openingBodies = [];
    List<byte[]> bodies = [];
    List<LedgerEvent> rows = [];
    string? apiDll;
    int? postmaster;
    long seedEvents;

    int WarmupEvents => settings.WarmupBatches * settings.BatchSize;

    bool Wanted(string path) => settings.Paths is null || settings.Paths.Contains(path);

    public async Task<int> RunAsync()
    {
        work = Directory.CreateTempSubdirectory("irbench-").FullName;
        try
        {
            Generate();
            if (settings.PgServer is not null && PgPaths.Any(Wanted)) await RunPostgresAsync(settings.PgServer);
            if (settings.Sqlite && SqlitePaths.Any(Wanted)) await RunSqliteAsync();
            var table = Table();
            Console.WriteLine();
            Console.WriteLine(table);
            if (settings.Out is not null)
            {
                await File.WriteAllTextAsync(settings.Out, table);
                Console.WriteLine($"(table written to {settings.Out})");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    void Generate()
    {
        var max = settings.Sizes.Max();
        var clock = Stopwatch.StartNew();
        var generator = workload.NewGenerator(WarmupEvents + max);
        opening = generator.Opening();
        stream = generator.Next(WarmupEvents + max);
        openingBodies = [.. Workload.Chunk(opening, settings.BatchSize).Select(Workload.Serialize)];
        bodies = [.. Workload.Chunk(stream, settings.BatchSize).Select(Workload.Serialize)];
        Console.WriteLine($"Workload: {Workload.ItemCount:N0} items x {Workload.DcCount + Workload.StoreCount} nodes = {Workload.PositionCount:N0} positions, "
            + $"opening count per position ({opening.Count:N0} events, untimed), then {settings.WarmupBatches} warm-up batches and up to {max:N0} events "
            + $"in batches of {settings.BatchSize:N0} ({bodies.Skip(settings.WarmupBatches).Take(10).Average(b => b.Length) / settings.BatchSize:0} bytes of JSON per event); "
            + $"generated in {clock.Elapsed.TotalSeconds:0.0} s.");
        var mix = stream.Take(max).GroupBy(e => e.Type!).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} {100.0 * g.Count() / Math.Min(max, stream.Count):0.0}%");
        Console.WriteLine("Mix: " + string.Join(", ", mix));
        Console.WriteLine($"Positions touched per 1,000-event batch: {stream.Skip(WarmupEvents).Take(settings.BatchSize).Select(e => (e.Sku, e.Node)).Distinct().Count():N0}; "
            + $"distinct (node, source) feeds per batch: {stream.Skip(WarmupEvents).Take(settings.BatchSize).Select(e => (e.Node, e.Source)).Distinct().Count()}");
    }

    // ------------------------------------------------------------------------------------------------
    // PostgreSQL
    // ------------------------------------------------------------------------------------------------

    async Task RunPostgresAsync(string server)
    {
        Console.WriteLine($"PostgreSQL: {await Pg.SettingsAsync(server)}");
        var clock = Stopwatch.StartNew();
        var seed = await Pg.CreateAsync(server, SeedDb);
        await using (var stack = IngestStack.Postgres(seed))
        {
            await Migrator.MigrateAsync(stack.Db, CancellationToken.None);
            await workload.LoadMasterDataAsync(stack.Db, CancellationToken.None);
            await SeedOpeningAsync(stack);
            rows = await stack.NormalizeAsync(stream, CancellationToken.None);
        }
        await using (var conn = new NpgsqlConnection(seed))
        {
            await conn.OpenAsync();
            await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", conn)) await analyze.ExecuteNonQueryAsync();
            await using var pid = new NpgsqlCommand("SELECT pg_backend_pid()", conn);
            postmaster = Meter.PostmasterOf((int)(await pid.ExecuteScalarAsync())!);
        }
        seedEvents = await Pg.ScalarAsync(seed, "SELECT count(*) FROM events");
        Console.WriteLine($"Seeded template database: {seedEvents:N0} events, {await Pg.ScalarAsync(seed, "SELECT count(*) FROM positions"):N0} positions "
            + $"in {clock.Elapsed.TotalSeconds:0.0} s (postmaster pid {postmaster?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}).");
        NpgsqlConnection.ClearAllPools();
        try
        {
            foreach (var size in settings.Sizes)
            {
                foreach (var path in PgPaths.Where(Wanted))
                {
                    if (path == "pg-paired")
                    {
                        await PgPairedAsync(server, size);
                        continue;
                    }
                    var cs = await Pg.CreateAsync(server, RunDb, SeedDb);
                    try
                    {
                        var result = path switch
                        {
                            "pg-copy" => await PgCopyAsync(cs, size, "pg-copy"),
                            "pg-copy-again" => await PgCopyAsync(cs, size, "pg-copy-again"),
                            "pg-copy-1k" => await PgCopyPerBatchAsync(cs, size),
                            "pg-insert-1k" => await PgInsertEventsAsync(cs, size),
                            "pg-engine-1" => await EngineAsync("postgres", path, IngestStack.Postgres(cs), size, 1),
                            "pg-engine-n" => await EngineAsync("postgres", path, IngestStack.Postgres(cs), size, settings.Clients),
                            "pg-http-1" => await HttpAsync("postgres", path, cs, size, 1),
                            _ => await HttpAsync("postgres", path, cs, size, settings.Clients),
                        };
                        var stored = await Pg.ScalarAsync(cs, "SELECT count(*) FROM events");
                        Add(Verified(result, stored));
                    }
                    finally
                    {
                        await Pg.DropAsync(server, RunDb);
                    }
                }
            }
        }
        finally
        {
            await Pg.DropAsync(server, SeedDb);
            rows = [];
        }
    }

    /// <summary>The opening count of every position, through the ingestor (untimed; counts are its slowest path).</summary>
    async Task SeedOpeningAsync(IngestStack stack)
    {
        var tally = new Tally();
        var progress = new Progress($"seeding {stack.Db.Dialect} with opening counts", opening.Count);
        foreach (var body in openingBodies)
        {
            tally.Add(await stack.PostAsync(body, CancellationToken.None));
            progress.Report(tally.Accepted);
        }
        Check(tally, opening.Count, "opening counts");
    }

    async Task<PathResult> PgCopyAsync(string cs, int size, string path)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var received = Instants.ToMicros(DateTimeOffset.UtcNow);
        References.Copy(conn, rows, 0, WarmupEvents, received);
        var label = $"{path} {size:N0}";
        var reference = path == "pg-copy";
        var description = reference ? "binary COPY, one stream (reference)" : "binary COPY, one stream, again after the other paths (drift check)";
        Console.WriteLine($"  {label}: {description}");
        var progress = new Progress(label, size);
        var meter = new Meter(postmaster: postmaster);
        var written = References.Copy(conn, rows, WarmupEvents, size, received, n => progress.Report(n), () => meter.Elapsed > settings.Cap);
        var cpu = meter.Stop();
        return new PathResult(size, "postgres", path, description, reference, written, cpu.Wall,
            written < size, cpu, null, null, "");
    }

    async Task<PathResult> PgCopyPerBatchAsync(string cs, int size)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var received = Instants.ToMicros(DateTimeOffset.UtcNow);
        References.Copy(conn, rows, 0, WarmupEvents, received);
        return await TimedBatchesAsync(size, "postgres", "pg-copy-1k", "binary COPY per 1,000 rows, a transaction each", 1, null,
            (i, _) => Task.FromResult(References.Copy(conn, rows, i * settings.BatchSize, Math.Min(settings.BatchSize, rows.Count - i * settings.BatchSize), received)));
    }

    async Task<PathResult> PgInsertEventsAsync(string cs, int size)
    {
        await using var stack = IngestStack.Postgres(cs);
        var bulk = new PostgresLedgerBulk();
        var batches = Workload.Chunk(rows, settings.BatchSize);
        async Task<int> Insert(int i, CancellationToken ct)
        {
            await using var conn = await stack.Db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var inserted = await bulk.InsertEventsAsync(tx, batches[i], Instants.ToMicros(DateTimeOffset.UtcNow), ct);
            await tx.CommitAsync(ct);
            return inserted.Count;
        }
        for (var i = 0; i < settings.WarmupBatches; i++) await Insert(i, CancellationToken.None);
        return await TimedBatchesAsync(size, "postgres", "pg-insert-1k", "events step only: unnest INSERT ... ON CONFLICT per 1,000, a transaction each", 1, null, Insert);
    }

    // ------------------------------------------------------------------------------------------------
    // SQLite
    // ------------------------------------------------------------------------------------------------

    async Task RunSqliteAsync()
    {
        var clock = Stopwatch.StartNew();
        var seed = Path.Combine(work, "seed.db");
        await using (var stack = IngestStack.Sqlite(seed))
        {
            await Migrator.MigrateAsync(stack.Db, CancellationToken.None);
            await workload.LoadMasterDataAsync(stack.Db, CancellationToken.None);
            await SeedOpeningAsync(stack);
            rows = await stack.NormalizeAsync(stream, CancellationToken.None);
            await using var conn = await stack.Db.OpenAsync(CancellationToken.None);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
            await cmd.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        seedEvents = SqliteCount(seed);
        Console.WriteLine($"Seeded SQLite template: {seedEvents:N0} events in {clock.Elapsed.TotalSeconds:0.0} s ({seed}).");
        try
        {
            foreach (var size in settings.Sizes)
            {
                foreach (var path in SqlitePaths.Where(Wanted))
                {
                    if (path == "sqlite-paired")
                    {
                        await SqlitePairedAsync(seed, size);
                        continue;
                    }
                    var file = Path.Combine(work, "run.db");
                    foreach (var f in Directory.EnumerateFiles(work, "run.db*")) File.Delete(f);
                    File.Copy(seed, file);
                    var result = path switch
                    {
                        "sqlite-insert" => SqliteInsert(file, size, path),
                        "sqlite-insert-again" => SqliteInsert(file, size, path),
                        "sqlite-engine-1" => await EngineAsync("sqlite", path, IngestStack.Sqlite(file), size, 1),
                        _ => await HttpAsync("sqlite", path, IngestStack.SqliteConnectionString(file), size, settings.Clients),
                    };
                    SqliteConnection.ClearAllPools();
                    Add(Verified(result, SqliteCount(file)));
                    SqliteConnection.ClearAllPools();
                    foreach (var f in Directory.EnumerateFiles(work, "run.db*")) File.Delete(f);
                }
            }
        }
        finally
        {
            rows = [];
        }
    }

    static long SqliteCount(string file)
    {
        using var conn = References.OpenSqlite(file);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM events";
        return (long)cmd.ExecuteScalar()!;
    }

    PathResult SqliteInsert(string file, int size, string path)
    {
        using var conn = References.OpenSqlite(file);
        var received = Instants.ToMicros(DateTimeOffset.UtcNow);
        for (var i = 0; i < settings.WarmupBatches; i++) References.SqliteInsert(conn, rows, i * settings.BatchSize, settings.BatchSize, received);
        var reference = path == "sqlite-insert";
        var description = reference ? "prepared INSERT, 1,000 per transaction (reference)" : "prepared INSERT, 1,000 per transaction, again after the other paths (drift check)";
        return TimedBatchesAsync(size, "sqlite", path, description, 1, null, (i, _) =>
        {
            var n = Math.Min(settings.BatchSize, rows.Count - i * settings.BatchSize);
            References.SqliteInsert(conn, rows, i * settings.BatchSize, n, received);
            return Task.FromResult(n);
        }, reference).GetAwaiter().GetResult();
    }

    // ------------------------------------------------------------------------------------------------
    // The ingest stack, in-process and over HTTP
    // ------------------------------------------------------------------------------------------------

    async Task<PathResult> EngineAsync(string store, string path, IngestStack stack, int size, int writers)
    {
        await using var _ = stack;
        var tally = new Tally();
        for (var i = 0; i < settings.WarmupBatches; i++) tally.Add(await stack.PostAsync(bodies[i], CancellationToken.None));
        var label = $"ingest in-process (parse + EventIngestor), {writers} writer{(writers == 1 ? "" : "s")}";
        var result = await TimedBatchesAsync(size, store, path, label, writers, null, async (i, ct) =>
        {
            var r = await stack.PostAsync(bodies[i], ct);
            tally.Add(r);
            return r.Accepted + r.Duplicates + r.Rejected.Count;
        });
        Check(tally, WarmupEvents + result.Events, path);
        return result with { Notes = Join(result.Notes, stack.Log.Warnings > 0 ? $"{stack.Log.Warnings} retries ({stack.Log.Last})" : "") };
    }

    async Task<PathResult> HttpAsync(string store, string path, string connectionString, int size, int clients)
    {
        await using var service = await StartServiceAsync(store, connectionString, $"{path}-{size}");
        using var http = Client(service, clients);
        var tally = new Tally();
        for (var i = 0; i < settings.WarmupBatches; i++) await PostAsync(http, bodies[i], tally, CancellationToken.None);
        var label = $"ingest over HTTP (the service), {clients} client{(clients == 1 ? "" : "s")}";
        var result = await TimedBatchesAsync(size, store, path, label, clients, service.Process,
            (i, ct) => PostAsync(http, bodies[i], tally, ct));
        Check(tally, WarmupEvents + result.Events, path);
        var retries = service.Count("retried after");
        return result with { Notes = Join(result.Notes, retries > 0 ? $"{retries} deadlock/serialization retries" : "") };
    }

    async Task<ServiceProcess> StartServiceAsync(string store, string connectionString, string name)
    {
        apiDll ??= ServiceProcess.Snapshot(settings.ApiDll ?? DefaultApiDll(), Directory.CreateDirectory(Path.Combine(work, "api")).FullName);
        var env = new Dictionary<string, string>
        {
            ["Storage__Provider"] = store,
            ["Storage__ConnectionString"] = connectionString,
            ["Samples__Seed"] = "false",
            ["Auth__DevelopmentKeys"] = "true",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (key, value) in settings.ServiceEnvironment) env[key] = value;
        return await ServiceProcess.StartAsync(apiDll, env, Path.Combine(work, $"service-{name}.log"));
    }

    static HttpClient Client(ServiceProcess service, int clients) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseProxy = false })
        {
            BaseAddress = service.Address,
            Timeout = TimeSpan.FromMinutes(5),
        };

    static async Task<int> PostAsync(HttpClient http, byte[] body, Tally tally, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = content };
        request.Headers.Add("X-Api-Key", "dev-integration");
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /v1/events answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        }
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        var rejected = root.GetProperty("rejected");
        string? first = null;
        if (rejected.GetArrayLength() > 0)
        {
            var r = rejected[0];
            first = $"{r.GetProperty("code").GetString()} {r.GetProperty("field").GetString()}: {r.GetProperty("message").GetString()}";
        }
        var accepted = root.GetProperty("accepted").GetInt32();
        var duplicates = root.GetProperty("duplicates").GetInt32();
        tally.Add(accepted, duplicates, rejected.GetArrayLength(), first);
        return accepted + duplicates + rejected.GetArrayLength();
    }

    /// <summary>
    /// Batches [warm-up, warm-up + size / batch) by <paramref name="workers"/> concurrent workers, each taking
    /// the next batch; stops taking batches once the cap is reached.
    /// </summary>
    async Task<PathResult> TimedBatchesAsync(int size, string store, string path, string label, int workers, Process? service,
        Func<int, CancellationToken, Task<int>> batch, bool reference = false)
    {
        var first = settings.WarmupBatches;
        var count = (size + settings.BatchSize - 1) / settings.BatchSize;
        Console.WriteLine($"  {path} {size:N0}: {label}");
        var progress = new Progress($"{path} {size:N0}", size);
        var next = -1;
        long done = 0;
        var capped = 0;
        var meter = new Meter(service, postmaster: store == "postgres" ? postmaster : null);
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>();
            while (true)
            {
                if (meter.Elapsed > settings.Cap)
                {
                    capped = 1;
                    break;
                }
                var i = Interlocked.Increment(ref next);
                if (i >= count) break;
                var start = Stopwatch.GetTimestamp();
                var n = await batch(first + i, CancellationToken.None);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                progress.Report(Interlocked.Add(ref done, n));
            }
            return latencies;
        })).ToList();
        var all = (await Task.WhenAll(tasks)).SelectMany(l => l).Order().ToList();
        var cpu = meter.Stop();
        double? Pct(double p) => all.Count == 0 ? null : all[Math.Min(all.Count - 1, (int)Math.Ceiling(p * all.Count) - 1)];
        return new PathResult(size, store, path, label, reference, done, cpu.Wall, capped == 1, cpu, Pct(0.50), Pct(0.99), "");
    }

    // ------------------------------------------------------------------------------------------------

    PathResult Verified(PathResult r, long stored)
    {
        var expected = seedEvents + WarmupEvents + r.Events;
        Console.WriteLine(
            $"    => {r.Events:N0} events in {r.Elapsed.TotalSeconds:0.0} s = {r.Rate:N0} events/s; CPU {r.CpuMicrosPerEvent:0} µs/event ours; {r.Cpu.Describe(cores)}"
            + (r.P50 is { } p50 ? $"; batch p50 {p50:0.0} ms, p99 {r.P99:0.0} ms" : "")
            + (r.Capped ? $"; CAPPED at {settings.Cap.TotalSeconds:0} s" : "")
            + (stored == expected ? $"; events table holds {stored:N0} as expected" : $"; events table holds {stored:N0}, expected {expected:N0}!"));
        return stored == expected ? r : r with { Notes = Join(r.Notes, $"table holds {stored:N0}, expected {expected:N0}") };
    }

    void Add(PathResult r) => results.Add(r);

    static void Check(Tally tally, long expected, string what)
    {
        if (tally.Accepted != expected || tally.Rejected > 0)
        {
            throw new InvalidOperationException($"{what}: expected {expected:N0} accepted, got {tally}");
        }
    }

    static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : a + "; " + b;

    internal static string DefaultApiDll()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InventoryRules.sln"))) dir = dir.Parent;
        var dll = dir is null ? null : Path.Combine(dir.FullName, "Api", "bin", configuration, "net10.0", "InventoryRules.Api.dll");
        return dll is not null && File.Exists(dll) ? dll
            : throw new InvalidOperationException("cannot find Api/bin/<config>/net10.0/InventoryRules.Api.dll; build the Api project or pass --api");
    }

    string Table()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| size | store | path | events | seconds | events/s | vs reference | CPU µs/event (ours) | CPU vs reference | batch p50 / p99 ms | CPU during the window | notes |");
        sb.AppendLine("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var r in results)
        {
            var reference = results.FirstOrDefault(x => x.Size == r.Size && x.Store == r.Store && x.Group == r.Group && x.Reference);
            var ratio = reference is null ? "" : r.Reference ? "1.00 (ref)" : (r.Rate / reference.Rate).ToString("0.00", CultureInfo.InvariantCulture);
            var cpuRatio = reference is null ? "" : r.Reference ? "1.00 (ref)"
                : (reference.CpuMicrosPerEvent / r.CpuMicrosPerEvent).ToString("0.00", CultureInfo.InvariantCulture);
            var pct = r.P50 is { } p50 ? string.Create(CultureInfo.InvariantCulture, $"{p50:0.0} / {r.P99:0.0}") : "";
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Size:N0} | {r.Store} | {r.Path}: {r.Label} | {r.Events:N0}{(r.Capped ? " (capped)" : "")} | {r.Elapsed.TotalSeconds:0.0} | {r.Rate:N0} | {ratio} | {r.CpuMicrosPerEvent:0} | {cpuRatio} | {pct} | {r.Cpu.Describe(cores)} | {r.Notes} |"));
        }
        return sb.ToString();
    }
}
