using System.Collections.Concurrent;
using System.Globalization;
using InventoryRules.Api.Ingest;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// After an ingest batch: stock that arrived (receipts, transfers in, returns, positive adjustments) schedules
/// backorder release, inbound supply announced (ASNs, transfers out) schedules cross-dock matching. Each runs
/// at the end of the current trigger window under the occurrence "receipts:{window}" or "inbound:{window}", so
/// a burst is one run (across replicas too: the occurrence runs once); each replica schedules a window once.
/// </summary>
public sealed class SupplyTriggers(JobLauncher launcher, IOptions<JobsOptions> options, TimeProvider clock, ILogger<SupplyTriggers> log)
{
    static readonly HashSet<string> Arrivals = new(StringComparer.Ordinal) { "receipt", "transfer_in", "return" };
    static readonly HashSet<string> Inbound = new(StringComparer.Ordinal) { "asn_created", "transfer_out" };

    readonly ConcurrentDictionary<string, string> scheduled = new(StringComparer.Ordinal);

    public void AfterIngest(IReadOnlyList<IncomingEvent> batch, IngestResult result)
    {
        if (result.Accepted == 0) return;
        var refused = result.Rejected.Select(r => r.Index).ToHashSet();
        var accepted = batch.Where(e => e.Input is not null && !refused.Contains(e.Index)).Select(e => e.Input!).ToList();
        if (accepted.Any(e => Arrivals.Contains(e.Type ?? "") || (e.Type == "adjustment" && e.Quantity > 0)))
        {
            Schedule(BackorderReleaseJob.JobName, "receipts");
        }
        if (accepted.Any(e => Inbound.Contains(e.Type ?? ""))) Schedule(CrossDockMatchingJob.JobName, "inbound");
    }

    void Schedule(string job, string prefix)
    {
        var window = options.Value.TriggerWindowSeconds;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var start = DateTimeOffset.FromUnixTimeSeconds(now - now % window);
        var occurrence = $"{prefix}:{start.ToString(window % 60 == 0 ? "yyyyMMddHHmm" : "yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        if (scheduled.TryGetValue(job, out var last) && last == occurrence) return;
        scheduled[job] = occurrence;
        try
        {
            launcher.Schedule(job, occurrence, null, start.AddSeconds(window));
        }
        catch (Exception ex)
        {
            // The batch is stored: a trigger that cannot be queued only delays the work to the job's recurring run.
            scheduled.TryRemove(job, out _);
            log.LogWarning(ex, "Could not schedule {Job} for {Occurrence}", job, occurrence);
        }
    }
}
