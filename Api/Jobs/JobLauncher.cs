using Hangfire;

namespace InventoryRules.Api.Jobs;

/// <summary>Starts triggered jobs (and recurring ones on demand) through Hangfire's queue.</summary>
public sealed class JobLauncher(IBackgroundJobClient client)
{
    /// <param name="occurrence">
    /// What this run is for; enqueuing the same occurrence twice runs it once (e.g. "publish:rs-12"). Null
    /// gives each call its own occurrence.
    /// </param>
    public string Enqueue(string job, string? occurrence, string? argument = null) =>
        client.Enqueue<JobRunner>(r => r.RunAsync(job, occurrence ?? $"manual:{Guid.NewGuid():N}", argument, null, CancellationToken.None));

    /// <summary>Runs <paramref name="job"/> for <paramref name="occurrence"/> at <paramref name="at"/>; scheduling the same occurrence again still runs it once.</summary>
    public string Schedule(string job, string occurrence, string? argument, DateTimeOffset at) =>
        client.Schedule<JobRunner>(r => r.RunAsync(job, occurrence, argument, null, CancellationToken.None), at);
}
