using InventoryRules.Api.Data;
using InventoryRules.Api.Operations;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api;

/// <summary>
/// The sample network's simulated feeds. The seeded history ends when seeding ends, and segments tolerate
/// feeds only a minute (vip) to a few minutes (ecommerce) old, so without live feeds every demo order would
/// find no fresh node. While the service serves the samples (<c>Samples:Seed</c>), every feed that reported
/// by the time the service started heartbeats every <c>Samples:HeartbeatSeconds</c> (20; 0 = off), as a
/// quiet real feed would. Nodes added later are left alone: their freshness is their own feed's business.
/// </summary>
public sealed class SampleFeedHeartbeats(
    Database db, FeedRepository feeds, IOptions<SamplesOptions> options, TimeProvider clock, ILogger<SampleFeedHeartbeats> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var samples = options.Value;
        if (!(samples.Seed ?? !db.IsPostgres) || samples.HeartbeatSeconds <= 0) return;
        var sampleFeeds = await feeds.AllAsync(stoppingToken);
        log.LogInformation("Sample feeds: {Feeds} feeds at {Nodes} nodes heartbeat every {Seconds} s (Samples:HeartbeatSeconds)",
            sampleFeeds.Count, sampleFeeds.Select(f => f.Node).Distinct().Count(), samples.HeartbeatSeconds);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(samples.HeartbeatSeconds), clock);
        do
        {
            try
            {
                await feeds.HeartbeatManyAsync(sampleFeeds, clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Sample feed heartbeat failed; trying again in {Seconds} s", samples.HeartbeatSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
