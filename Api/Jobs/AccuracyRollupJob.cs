using InventoryRules.Api.Data;
using InventoryRules.Api.Operations;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// Recurring: inventory record accuracy per node and day over the last Jobs:AccuracyWindowDays from count
/// variances, then stockout episodes of the positions whose events arrived since the last run. Both compute
/// and write differences only, so reruns and overlapping windows change nothing; stockouts go a batch of
/// positions per transaction with the checkpoint.
/// </summary>
public sealed class AccuracyRollupJob(AccuracyRollups accuracy, StockoutEpisodes stockouts, IOptions<JobsOptions> options, TimeProvider clock)
    : IInventoryJob
{
    const int PositionsPerBatch = 200;

    public string Name => "accuracy-rollup";

    public string Title => "Accuracy rollups and stockout episodes";

    public JobKind Kind => JobKind.Recurring;

    public string? DefaultSchedule => "0 * * * *";

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var settings = options.Value;
        var at = RollupCheckpoint.Read(run.Checkpoint);
        if (at is null)
        {
            var watermark = await stockouts.WatermarkAsync(ct);
            at = new RollupCheckpoint(watermark - settings.StockoutOverlapSeconds * 1_000_000L, Instants.ToMicros(clock.GetUtcNow()), "", "");
            var (changed, unchanged, removed) = await accuracy.RecomputeAsync(run, settings.AccuracyWindowDays, at.Write(), ct);
            run.Note($"accuracy: {changed} node-days changed, {unchanged} unchanged, {removed} removed over the last {settings.AccuracyWindowDays} days; "
                + AccuracyRollups.Basis);
            run.Note(at.Since is { } since
                ? $"stockouts: positions with events that arrived after {Instants.FromMicros(since):O}"
                : "stockouts: first run, every position with events");
        }
        while (await stockouts.NextBatchAsync(run, at, PositionsPerBatch, ct) is { } next) at = next;
        await run.ProgressAsync(run.Done, run.Done, ct);
    }
}
