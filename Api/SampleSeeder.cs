using System.Diagnostics;
using System.Text.Json;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Ingest;
using InventoryRules.Api.Json;
using InventoryRules.Api.MasterData;
using InventoryRules.Samples;

namespace InventoryRules.Api;

/// <summary>
/// Seeds the sample network on first start: master data, then 90 days of history through the same
/// ingest path as any feed, so the seeded ledger obeys every ingest rule. Skipped when items exist.
/// </summary>
public sealed class SampleSeeder(Database db, MasterDataRepository masterData, MasterDataCache cache, EventIngestor ingestor,
    TimeProvider clock, ILogger<SampleSeeder> log)
{
    const int BatchSize = 5_000;
    static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public async Task SeedIfEmptyAsync(int seed, CancellationToken ct)
    {
        await using (var conn = await db.OpenAsync(ct))
        {
            if (await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM items") > 0) return;
        }
        var watch = Stopwatch.StartNew();
        var end = clock.GetUtcNow();
        var network = SampleGenerator.Generate(seed, new DateTimeOffset(end.Year, end.Month, end.Day, end.Hour, 0, 0, TimeSpan.Zero));
        await masterData.UpsertSegmentsAsync([.. network.Segments.Select(SegmentMapping.ToDto)], ct);
        await masterData.UpsertNodesAsync([.. network.Nodes.Select(NodeMapping.ToDto)], ct);
        await masterData.UpsertItemsAsync([.. network.Items.Select(ItemMapping.ToDto)], ct);
        cache.Invalidate();
        log.LogInformation("Seeding samples: {Items} items, {Nodes} nodes, {Events} events of history", network.Items.Count,
            network.Nodes.Count, network.Events.Count);
        int accepted = 0, rejected = 0;
        for (var start = 0; start < network.Events.Count; start += BatchSize)
        {
            var batch = network.Events.Skip(start).Take(BatchSize)
                .Select((e, i) => new IncomingEvent(start + i, e, null, JsonSerializer.Serialize(e, Json))).ToList();
            var result = await ingestor.IngestAsync(batch, keepDeadLetters: true, ct);
            accepted += result.Accepted;
            rejected += result.Rejected.Count;
            var done = Math.Min(start + BatchSize, network.Events.Count);
            if (done % 50_000 < BatchSize || done == network.Events.Count)
            {
                log.LogInformation("Seeding samples: {Done}/{Total} events ({Percent:0}%)", done, network.Events.Count, 100.0 * done / network.Events.Count);
            }
        }
        log.LogInformation("Seeded samples in {Seconds:0.0} s: {Accepted} events accepted, {Rejected} refused", watch.Elapsed.TotalSeconds, accepted, rejected);
    }
}
