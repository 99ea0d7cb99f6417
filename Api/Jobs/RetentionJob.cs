using InventoryRules.Api.Data;
using InventoryRules.Api.Retention;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// Recurring: events older than Jobs:RetentionDays are compacted into per-position snapshots and audit totals,
/// a batch of positions per transaction. A resumed run keeps its first attempt's cutoff and goes on after the
/// last committed batch; a position already compacted has nothing left before the cutoff, so nothing is done twice.
/// </summary>
public sealed class RetentionJob(RetentionCompactor compactor, IOptions<JobsOptions> options, TimeProvider clock) : IInventoryJob
{
    public string Name => "retention";

    public string Title => "Event retention and compaction";

    public JobKind Kind => JobKind.Recurring;

    public string? DefaultSchedule => "0 3 * * *";

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var settings = options.Value;
        var at = RetentionCheckpoint.Read(run.Checkpoint)
            ?? await compactor.StartAsync(run, Instants.ToMicros(clock.GetUtcNow().AddDays(-settings.RetentionDays)), ct);
        var cutoff = Instants.FromMicros(at.Cutoff);
        if (run.Attempt == 1 && at.AfterSku.Length == 0)
        {
            run.Note($"events that occurred before {cutoff:O} ({settings.RetentionDays} days) are compacted; {run.Total ?? 0} positions have some");
        }
        var batches = 0;
        while (await compactor.NextBatchAsync(run, at, settings.RetentionBatchPositions, ct) is { } batch)
        {
            at = batch.Next;
            batches++;
            if (settings.RetentionFailAfterBatches is { } failAfter && run.Attempt == 1 && batches >= failAfter)
            {
                throw new InvalidOperationException($"test setting Jobs:RetentionFailAfterBatches: failing after {batches} batches");
            }
        }
        run.Note(run.Summary.GetValueOrDefault("positions") == 0
            ? $"nothing occurred before {cutoff:O}: no events to compact"
            : $"{run.Summary.GetValueOrDefault("events")} events of {run.Summary.GetValueOrDefault("positions")} positions compacted into snapshots and audit totals; asOf answers are exact from {cutoff:O}");
        await run.ProgressAsync(run.Done, run.Total, ct);
    }
}
