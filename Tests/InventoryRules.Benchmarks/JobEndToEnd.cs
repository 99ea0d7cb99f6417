using System.Diagnostics;
using InventoryRules.Api;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Jobs;
using InventoryRules.Api.MasterData;
using InventoryRules.Api.RuleSets;
using InventoryRules.Api.Stock;
using InventoryRules.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InventoryRules.Benchmarks;

/// <summary>
/// P6 end to end: the stock-reevaluation job (load, evaluate, diff and write) over a store filled with
/// StockWorkload's network (200 nodes, every item at every node, the five sample rule sets published) and a
/// few events per position (two shipments in the last 28 days; a receipt with lot and expiry for
/// perishables). Timed twice: a first run that writes every figure, and a second right after that finds
/// nothing changed. Stopwatch over each whole run; the job's own split (load / evaluate / write) beside it.
/// </summary>
static class JobEndToEnd
{
    public static async Task<int> RunAsync(string? pgServer, bool sqlite, int[] sizes)
    {
        foreach (var size in sizes)
        {
            if (sqlite)
            {
                var file = Path.Combine(Path.GetTempPath(), $"irbench-p6-{size}-{Guid.NewGuid():N}.db");
                await using (var db = Database.Open(new StorageOptions { Provider = "sqlite", ConnectionString = IngestStack.SqliteConnectionString(file) }, Path.GetTempPath()))
                {
                    await MeasureAsync("sqlite", db, size);
                }
                Console.WriteLine($"  file: {new FileInfo(file).Length / 1_048_576.0:0} MiB");
                foreach (var f in Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*")) File.Delete(f);
            }
            if (pgServer is not null)
            {
                var name = $"irbench_p6_{size}";
                var cs = await Pg.CreateAsync(pgServer, name);
                await using (var db = Database.Open(new StorageOptions { Provider = "postgres", ConnectionString = cs }, Path.GetTempPath()))
                {
                    await MeasureAsync("postgres", db, size);
                }
                await Pg.DropAsync(pgServer, name);
            }
        }
        return 0;
    }

    static async Task MeasureAsync(string store, Database db, int size)
    {
        var seeding = Stopwatch.StartNew();
        await Migrator.MigrateAsync(db, CancellationToken.None);
        var events = await SeedAsync(db, size);
        Console.WriteLine($"{store}, {size:N0} positions: seeded {events:N0} events in {seeding.Elapsed.TotalSeconds:0} s");

        var clock = TimeProvider.System;
        var master = new MasterDataCache(new MasterDataRepository(db, clock), clock);
        var catalog = new RuleSetCatalog(new RuleSetRepository(db), clock);
        var loader = new StockInputLoader(db, master, catalog, Options.Create(new DecisionsOptions()));
        var sync = new StockFigureSync(db, loader, clock, NullLogger<StockFigureSync>.Instance);
        var runs = new JobRunRepository(db, clock, NullLogger<JobRunRepository>.Instance);
        foreach (var pass in new[] { "first", "second" })
        {
            var record = await runs.BeginAsync(StockReevaluationJob.JobName, $"bench-{pass}", null, TimeSpan.FromHours(1), CancellationToken.None);
            var run = new JobRun(runs, record!);
            var wall = Stopwatch.StartNew();
            var times = await sync.RunAsync(run, null, CancellationToken.None);
            wall.Stop();
            await runs.FinishAsync(run, JobRunStatus.Succeeded, null, CancellationToken.None);
            var s = run.Summary;
            Console.WriteLine($"  {pass} run: {wall.Elapsed.TotalSeconds:0.0} s (load {times.Load.TotalSeconds:0.0}, evaluate {times.Evaluate.TotalSeconds:0.0}, "
                + $"diff+write {times.Write.TotalSeconds:0.0}); safety stock rows changed {s.GetValueOrDefault(StockCounters.SafetyStockChanged):N0}, "
                + $"holds {s.GetValueOrDefault(StockCounters.HoldsChanged):N0}, held buckets {s.GetValueOrDefault(StockCounters.HeldChanged):N0}, "
                + $"reorders {s.GetValueOrDefault(StockCounters.ReordersChanged):N0}, failures {s.GetValueOrDefault(StockCounters.Failures):N0}; "
                + $"{GC.GetTotalMemory(false) / 1_048_576:N0} MiB managed heap, {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576:N0} MiB peak working set");
        }
    }

    /// <summary>Master data through the repository, positions and events in bulk, the sample rule sets published as they are.</summary>
    static async Task<long> SeedAsync(Database db, int size)
    {
        var input = StockWorkload.Build(size);
        var repository = new MasterDataRepository(db, TimeProvider.System);
        await repository.UpsertSegmentsAsync([.. input.Segments.Select(s => new SegmentDto
            { Code = s.Segment.Code, Name = s.Segment.Name, FreshnessToleranceSeconds = 300, ServiceLevel = s.Segment.ServiceLevel })], CancellationToken.None);
        await repository.UpsertNodesAsync([.. input.Nodes.Select(n => new NodeDto
        {
            Code = n.Code.Value, Name = n.Name, Type = n.Type.Name(), Country = n.Country, Latitude = n.Latitude, Longitude = n.Longitude, DutyPaid = n.DutyPaid,
            Capabilities = [.. n.Capabilities], DailyOrderCapacity = n.DailyOrderCapacity, CostPerOrder = n.CostPerOrder, CostPerUnit = n.CostPerUnit,
        })], CancellationToken.None);
        foreach (var chunk in input.Items.Chunk(1_000))
        {
            await repository.UpsertItemsAsync([.. chunk.Select(i => new ItemDto
            {
                Sku = i.Sku.Value, Description = "bench", Category = i.Category, VelocityClass = i.VelocityClass.ToString(), Units = new() { ["each"] = 1 },
                Perishable = i.Perishable, ShelfLifeDays = i.ShelfLifeDays, ColdChain = i.ColdChain, UnitCost = i.UnitCost, UnitPrice = i.UnitPrice,
            })], CancellationToken.None);
        }
        var now = DateTimeOffset.UtcNow;
        var micros = Instants.ToMicros(now);
        await BulkRows.WriteAsync(db, "positions", ["sku", "node", "on_hand", "committed", "last_event_at", "updated_at"],
            input.Positions.Select(p => new object?[] { p.Sku, p.Node, p.OnHand, p.Committed, micros, micros }));
        var perishable = input.Items.Where(i => i.Perishable).ToDictionary(i => i.Sku.Value, i => i.ShelfLifeDays ?? 7);
        long events = 0;
        const long Day = DailyDemand.MicrosPerDay;
        IEnumerable<object?[]> Events()
        {
            for (var k = 0; k < input.Positions.Count; k++)
            {
                var p = input.Positions[k];
                yield return Event($"s{k}a", "shipment", p, micros - (k % 7) * Day - Day / 2, -(1 + k % 5), null, null);
                yield return Event($"s{k}b", "shipment", p, micros - (7 + k % 21) * Day - Day / 2, -(1 + k % 3), null, null);
                events += 2;
                if (!perishable.TryGetValue(p.Sku, out var life)) continue;
                yield return Event($"r{k}", "receipt", p, micros - 3 * Day, p.OnHand + 10, $"L{k}", micros + (k % Math.Max(2, life)) * Day + Day / 2);
                events++;
            }
        }
        await BulkRows.WriteAsync(db, "events", ["source", "event_id", "occurred_at", "received_at", "type", "sku", "node", "quantity", "uom", "eaches",
            "d_on_hand", "d_damaged", "d_quarantined", "s_expected", "s_received", "s_cancelled", "authoritative", "outcome", "lot", "expiry"], Events());

        var rules = new RuleSetRepository(db);
        foreach (var segment in input.Segments.Select(s => s.Segment.Code))
        {
            await using var stream = typeof(Database).Assembly.GetManifestResourceStream($"rulesets/{segment}.json")
                ?? throw new InvalidOperationException($"no sample rule set {segment}");
            var json = await new StreamReader(stream).ReadToEndAsync();
            var draft = await rules.CreateDraftAsync(segment, segment, json, "bench", null, micros, CancellationToken.None);
            await rules.PublishAsync(draft.Id, draft.Revision, "bench", "P6", micros - Day, micros, CancellationToken.None);
        }
        return events;
    }

    static object?[] Event(string id, string type, Engine.Stock.StockPosition p, long at, long units, string? lot, long? expiry) =>
        ["BENCH", id, at, at, type, p.Sku, p.Node, Math.Abs(units), "each", Math.Abs(units), units, 0L, 0L, 0L, 0L, false, true, "applied", lot, expiry];
}
