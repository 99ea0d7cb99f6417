using System.ComponentModel.DataAnnotations;

namespace InventoryRules.Api.Jobs;

/// <summary>Configuration section "Jobs": the Hangfire server and the schedules of the recurring jobs.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Whether this instance runs a Hangfire server (workers and the recurring scheduler). Off, it still enqueues and serves the dashboard.</summary>
    public bool Server { get; set; } = true;

    /// <summary>Workers per instance. The jobs are batch work; two leave room for decisions on a 2-core machine.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 2;

    /// <summary>How often the server looks for due recurring jobs and queued work, in milliseconds.</summary>
    [Range(100, 60_000)]
    public int PollMilliseconds { get; set; } = 1_000;

    /// <summary>
    /// How long a run may go without a heartbeat before another attempt may take it over. A killed instance
    /// leaves its run "running"; after this long the next attempt resumes it from its checkpoint.
    /// </summary>
    [Range(5, 86_400)]
    public int StaleRunSeconds { get; set; } = 120;

    /// <summary>Logged decisions an experiment replay decides and commits per batch (with its checkpoint).</summary>
    [Range(10, 10_000)]
    public int ReplayBatchSize { get; set; } = 500;

    /// <summary>
    /// Ingest-triggered jobs (backorder release, cross-dock matching) run once per window of this many seconds,
    /// at its end, however many batches arrived in it: a burst of receipts is one run, and every receipt is
    /// followed by a run within one window.
    /// </summary>
    [Range(1, 3_600)]
    public int TriggerWindowSeconds { get; set; } = 60;

    /// <summary>
    /// Cron per recurring job name (UTC, five fields, or six with seconds first); "off" disables one.
    /// A job left out runs on its default schedule.
    /// </summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Retention: events that occurred more than this many days ago are compacted (and refused by ingest).</summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 400;

    /// <summary>Retention: positions compacted per transaction (and per checkpoint).</summary>
    [Range(1, 10_000)]
    public int RetentionBatchPositions { get; set; } = 200;

    /// <summary>
    /// Test only: the first attempt of a retention run fails after this many committed batches, so that tests
    /// can watch the next attempt resume from the checkpoint. Unset in production.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int? RetentionFailAfterBatches { get; set; }

    /// <summary>Anomaly scan: how far back it looks at arrived movements and recorded counts.</summary>
    [Range(1, 24 * 90)]
    public int AnomalyLookbackHours { get; set; } = 24;

    /// <summary>Accuracy rollup: the days of count variances it recomputes each run (older days stay as rolled up).</summary>
    [Range(1, 3_650)]
    public int AccuracyWindowDays { get; set; } = 30;

    /// <summary>
    /// Stockouts: events that arrived this long before the last run's watermark are looked at again, so an
    /// ingest transaction still open when the watermark was taken is never missed (recomputing is idempotent).
    /// </summary>
    [Range(0, 86_400)]
    public int StockoutOverlapSeconds { get; set; } = 300;
}
