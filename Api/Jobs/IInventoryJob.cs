namespace InventoryRules.Api.Jobs;

/// <summary>
/// A unit of background work run by <see cref="JobRunner"/>. A job works in batches and saves its checkpoint
/// with each batch's writes (<see cref="JobRun.SaveAsync"/>), so a run killed half-way and resumed applies
/// nothing twice.
/// </summary>
public interface IInventoryJob
{
    /// <summary>Stable name: the Hangfire recurring job id, the configuration key and the URL segment.</summary>
    string Name { get; }

    string Title { get; }

    JobKind Kind { get; }

    /// <summary>Cron for recurring jobs (UTC); null for triggered ones.</summary>
    string? DefaultSchedule { get; }

    Task RunAsync(JobRun run, CancellationToken ct);
}
