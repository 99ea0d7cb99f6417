using InventoryRules.Api.Operations;
using InventoryRules.Engine;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// Recurring: scans stored state for negative and over-committed positions, movement spikes, stale feeds with
/// stock and count variances over tolerance, and feeds the anomaly queue. At most one open anomaly per (kind,
/// sku, node): a rescan adds nothing while the operator has not resolved the first. One kind per transaction,
/// with the checkpoint; a resumed run goes on with the next kind.
/// </summary>
public sealed class AnomalyScanJob(AnomalyScanner scanner, TimeProvider clock) : IInventoryJob
{
    public string Name => "anomaly-scan";

    public string Title => "Anomaly scan";

    public JobKind Kind => JobKind.Recurring;

    public string? DefaultSchedule => "*/5 * * * *";

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var kinds = AnomalyKinds.Scanned;
        var from = run.Checkpoint is { } done ? kinds.ToList().IndexOf(done) + 1 : 0;
        var now = clock.GetUtcNow();
        for (var i = from; i < kinds.Count; i++)
        {
            var found = await scanner.FindAsync(kinds[i], now, ct);
            await scanner.RecordAsync(run, kinds[i], found, i + 1, kinds.Count, ct);
        }
        if (run.Report.Count == 0) run.Note("nothing new found by this scan (anomalies flagged by ingest as events arrived stay in the queue): no negative or over-committed positions, unflagged spikes, stale feeds with stock or unflagged count variances over tolerance");
        await run.ProgressAsync(kinds.Count, kinds.Count, ct);
    }
}
