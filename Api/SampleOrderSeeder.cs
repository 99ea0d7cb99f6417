using System.Diagnostics;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.MasterData;
using InventoryRules.Api.Operations;
using InventoryRules.Api.RuleSets;
using InventoryRules.Samples;

namespace InventoryRules.Api;

/// <summary>
/// Gives the samples a decision history: a stream of sample orders sourced through the real decision path
/// (so each is logged with its request, snapshot and trace), as the analysts' experiments replay them. The
/// reservations are soft with a one-second TTL, as if the OMS never confirmed: they lapse and leave stock as
/// the ledger says. Runs once, when the decision log is empty.
/// </summary>
public sealed class SampleOrderSeeder(Database db, MasterDataCache masterData, RuleSetCatalog catalog, OrderSourcing sourcing,
    FeedRepository feeds, TimeProvider clock, ILogger<SampleOrderSeeder> log)
{
    const int Batch = 50;

    public async Task SeedIfEmptyAsync(int seed, int count, CancellationToken ct)
    {
        if (count <= 0) return;
        await using (var conn = await db.OpenAsync(ct))
        {
            if (await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM decisions") > 0) return;
        }
        var watch = Stopwatch.StartNew();
        var master = await masterData.GetAsync(ct);
        var inForce = await catalog.ActiveForAllAsync(clock.GetUtcNow(), ct);
        var orders = SampleOrders.Generate(seed, [.. master.Items.Values.OrderBy(i => i.Sku.Value, StringComparer.Ordinal)],
            inForce.Keys.ToHashSet(StringComparer.Ordinal), count, clock.GetUtcNow());
        var sampleFeeds = await feeds.AllAsync(ct);
        var created = 0;
        for (var i = 0; i < orders.Count; i++)
        {
            // The seeded history ended a while ago: the feeds report alive, as they do once the service runs.
            if (i % Batch == 0)
            {
                await feeds.HeartbeatManyAsync(sampleFeeds, clock.GetUtcNow(), ct);
                if (i > 0) log.LogInformation("Seeding sample orders: {Done}/{Total}", i, orders.Count);
            }
            if ((await sourcing.SourceAsync(orders[i], ttlSeconds: 1, ct)).Status == OrderSourcing.Status.Created) created++;
        }
        log.LogInformation("Seeded {Created} sample orders into the decision log in {Seconds:0.0} s", created, watch.Elapsed.TotalSeconds);
    }
}
