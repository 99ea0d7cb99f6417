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

    /// <summary>
    /// Null when anyone allowed may run the job now (POST /v1/jobs/{name}/trigger); otherwise why not and
    /// what starts it instead (a replay needs its experiment, a re-evaluation the version just published).
    /// </summary>
    string? NotRunByHand => null;

    Task RunAsync(JobRun run, CancellationToken ct);
}
