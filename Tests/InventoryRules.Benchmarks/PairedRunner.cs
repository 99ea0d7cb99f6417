using System.Diagnostics;
using InventoryRules.Api.Data;
using Npgsql;

namespace InventoryRules.Benchmarks;

/// <summary>
/// Paired measurement, for shared machines whose load drifts by several times within minutes: the
/// reference and the ingest paths take turns over the same stream, 20 batches (20,000 events) each
/// turn, each into a database of its own. Every side sees the same load on average, so the ratio holds
/// even when the absolute rates do not. Sides: the reference, ingest in-process (1 writer), and the
/// service over HTTP (N clients). The whole pairing stops at the cap, all sides after the same turn.
/// </summary>
sealed partial class IngestRunner
{
    const int TurnBatches = 20;

    /// <summary>One side of a pairing: runs batches [first, first + n) and says how many events it stored.</summary>
    sealed class Side(string path, string label, bool reference, Process? service, Func<int, int, Task<long>> run, Func<Task<long>> stored)
    {
        public string Path => path;
        public string Label => label;
        public bool Reference => reference;
        public Process? Service => service;
        public Func<int, int, Task<long>> Run => run;
        public Func<Task<long>> Stored => stored;
        public List<double> Latencies { get; } = [];
        public TimeSpan Elapsed { get; private set; }
        public long Events { get; private set; }
        double self, svc, pg, other, busy, io, load;
        int turns;
        bool hasService, hasPg;

        public double Rate => Events / Math.Max(Elapsed.TotalSeconds, 1e-9);

        public void Add(long events, Meter.Reading r)
        {
            Events += events;
            Elapsed += r.Wall;
            self += r.SelfCpu;
            svc += r.ServiceCpu ?? 0;
            pg += r.PgCpu ?? 0;
            hasService |= r.ServiceCpu is not null;
            hasPg |= r.PgCpu is not null;
            other += r.OtherCpu;
            busy += r.BusyShare * r.Wall.TotalSeconds;
            io += r.IoWaitShare * r.Wall.TotalSeconds;
            load += r.LoadAverage;
            turns++;
        }

        public Meter.Reading Total() => new(Elapsed, self, hasService ? svc : null, hasPg ? pg : null,
            busy / Math.Max(Elapsed.TotalSeconds, 1e-9), io / Math.Max(Elapsed.TotalSeconds, 1e-9), other, load / Math.Max(1, turns));
    }

    async Task PgPairedAsync(string server, int size)
    {
        const string copyDb = "irbench_pair_copy", engineDb = "irbench_pair_engine", httpDb = "irbench_pair_http";
        try
        {
            var copyCs = await Pg.CreateAsync(server, copyDb, SeedDb);
            var engineCs = await Pg.CreateAsync(server, engineDb, SeedDb);
            var httpCs = await Pg.CreateAsync(server, httpDb, SeedDb);
            await using var copyConn = new NpgsqlConnection(copyCs);
            await copyConn.OpenAsync();
            var received = Instants.ToMicros(DateTimeOffset.UtcNow);
            References.Copy(copyConn, rows, 0, WarmupEvents, received);
            await using var stack = IngestStack.Postgres(engineCs);
            await using var service = await StartServiceAsync("postgres", httpCs, $"pg-paired-{size}");
            using var http = Client(service, settings.Clients);
            var engineTally = new Tally();
            var httpTally = new Tally();
            for (var i = 0; i < settings.WarmupBatches; i++)
            {
                engineTally.Add(await stack.PostAsync(bodies[i], CancellationToken.None));
                await PostAsync(http, bodies[i], httpTally, CancellationToken.None);
            }
            Side engine = null!, web = null!;
            var sides = new List<Side>
            {
                new("pg-paired-copy", "binary COPY, one stream per turn (reference)", true, null,
                    (first, n) => Task.FromResult((long)References.Copy(copyConn, rows, first * settings.BatchSize,
                        Math.Min(n * settings.BatchSize, rows.Count - first * settings.BatchSize), received)),
                    () => Pg.ScalarAsync(copyCs, "SELECT count(*) FROM events")),
            };
            engine = new Side("pg-paired-engine-1", "ingest in-process (parse + EventIngestor), 1 writer", false, null,
                (first, n) => Workers(1, first, n, async i =>
                {
                    var r = await stack.PostAsync(bodies[i], CancellationToken.None);
                    engineTally.Add(r);
                    return r.Accepted + r.Duplicates + r.Rejected.Count;
                }, engine.Latencies),
                () => Pg.ScalarAsync(engineCs, "SELECT count(*) FROM events"));
            web = new Side("pg-paired-http", $"ingest over HTTP (the service), {settings.Clients} clients (P5)", false, service.Process,
                (first, n) => Workers(settings.Clients, first, n, i => PostAsync(http, bodies[i], httpTally, CancellationToken.None), web.Latencies),
                () => Pg.ScalarAsync(httpCs, "SELECT count(*) FROM events"));
            sides.Add(engine);
            sides.Add(web);
            await PairAsync("postgres", "pg-paired", size, sides);
            Check(engineTally, WarmupEvents + engine.Events, engine.Path);
            Check(httpTally, WarmupEvents + web.Events, web.Path);
            var retries = service.Count("retried after");
            if (retries > 0) Console.WriteLine($"    pg-paired-http: {retries} deadlock/serialization retries in the service log");
        }
        finally
        {
            foreach (var db in new[] { copyDb, engineDb, httpDb }) await Pg.DropAsync(server, db);
        }
    }

    async Task SqlitePairedAsync(string seed, int size)
    {
        var dir = Directory.CreateDirectory(Path.Combine(work, "paired")).FullName;
        try
        {
            string Copy(string name)
            {
                var file = Path.Combine(dir, name);
                File.Copy(seed, file, overwrite: true);
                return file;
            }
            var insertFile = Copy("insert.db");
            var engineFile = Copy("engine.db");
            var httpFile = Copy("http.db");
            var received = Instants.ToMicros(DateTimeOffset.UtcNow);
            using var insertConn = References.OpenSqlite(insertFile);
            for (var i = 0; i < settings.WarmupBatches; i++) References.SqliteInsert(insertConn, rows, i * settings.BatchSize, settings.BatchSize, received);
            await using var stack = IngestStack.Sqlite(engineFile);
            await using var service = await StartServiceAsync("sqlite", IngestStack.SqliteConnectionString(httpFile), $"sqlite-paired-{size}");
            using var http = Client(service, settings.Clients);
            var engineTally = new Tally();
            var httpTally = new Tally();
            for (var i = 0; i < settings.WarmupBatches; i++)
            {
                engineTally.Add(await stack.PostAsync(bodies[i], CancellationToken.None));
                await PostAsync(http, bodies[i], httpTally, CancellationToken.None);
            }
            Side insert = null!, engine = null!, web = null!;
            insert = new Side("sqlite-paired-insert", "prepared INSERT, 1,000 per transaction (reference)", true, null,
                (first, n) => Workers(1, first, n, i =>
                {
                    var count = Math.Min(settings.BatchSize, rows.Count - i * settings.BatchSize);
                    References.SqliteInsert(insertConn, rows, i * settings.BatchSize, count, received);
                    return Task.FromResult(count);
                }, insert.Latencies),
                () => Task.FromResult(SqliteCount(insertFile)));
            engine = new Side("sqlite-paired-engine-1", "ingest in-process (parse + EventIngestor), 1 writer", false, null,
                (first, n) => Workers(1, first, n, async i =>
                {
                    var r = await stack.PostAsync(bodies[i], CancellationToken.None);
                    engineTally.Add(r);
                    return r.Accepted + r.Duplicates + r.Rejected.Count;
                }, engine.Latencies),
                () => Task.FromResult(SqliteCount(engineFile)));
            web = new Side("sqlite-paired-http", $"ingest over HTTP (the service), {settings.Clients} clients (P5s)", false, service.Process,
                (first, n) => Workers(settings.Clients, first, n, i => PostAsync(http, bodies[i], httpTally, CancellationToken.None), web.Latencies),
                () => Task.FromResult(SqliteCount(httpFile)));
            await PairAsync("sqlite", "sqlite-paired", size, [insert, engine, web]);
            Check(engineTally, WarmupEvents + engine.Events, engine.Path);
            Check(httpTally, WarmupEvents + web.Events, web.Path);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    async Task PairAsync(string store, string name, int size, List<Side> sides)
    {
        var count = (size + settings.BatchSize - 1) / settings.BatchSize;
        Console.WriteLine($"  {name} {size:N0}: {string.Join(" | ", sides.Select(s => s.Path))} take turns of {TurnBatches} batches");
        var capped = false;
        var last = Stopwatch.StartNew();
        var turn = 0;
        for (var c = 0; c < count; c += TurnBatches, turn++)
        {
            var n = Math.Min(TurnBatches, count - c);
            // Rotate who goes first, so that no side always follows the same neighbour.
            for (var k = 0; k < sides.Count; k++)
            {
                var side = sides[(k + turn) % sides.Count];
                var meter = new Meter(side.Service, store == "postgres" ? postmaster : null);
                var events = await side.Run(settings.WarmupBatches + c, n);
                side.Add(events, meter.Stop());
            }
            var reference = sides[0];
            if (last.Elapsed > TimeSpan.FromSeconds(10) || c + n >= count)
            {
                last.Restart();
                Console.WriteLine($"    {name} {size:N0}: {reference.Events:N0}/{size:N0} events; "
                    + string.Join(", ", sides.Select(s => $"{s.Path} {s.Rate:N0}/s" + (s.Reference ? "" : $" ({s.Rate / reference.Rate:0.00})"))));
            }
            if (sides.Any(s => s.Elapsed > settings.Cap))
            {
                capped = c + n < count;
                break;
            }
        }
        foreach (var side in sides)
        {
            var total = side.Total();
            side.Latencies.Sort();
            double? Pct(double p) => side.Latencies.Count == 0 ? null
                : side.Latencies[Math.Min(side.Latencies.Count - 1, (int)Math.Ceiling(p * side.Latencies.Count) - 1)];
            var result = new PathResult(size, store, side.Path, side.Label, side.Reference, side.Events, side.Elapsed, capped, total,
                side.Reference && store == "postgres" ? null : Pct(0.5), side.Reference && store == "postgres" ? null : Pct(0.99), "")
            {
                Group = name,
            };
            Add(Verified(result, await side.Stored()));
        }
    }

    /// <summary><paramref name="workers"/> concurrent loops over batches [first, first + n), each taking the next.</summary>
    static async Task<long> Workers(int workers, int first, int n, Func<int, Task<int>> batch, List<double> latencies)
    {
        var next = -1;
        long done = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= n) break;
                var start = Stopwatch.GetTimestamp();
                Interlocked.Add(ref done, await batch(first + i));
                var took = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                lock (latencies) latencies.Add(took);
            }
        })));
        return done;
    }
}
