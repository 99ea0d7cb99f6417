using System.ComponentModel;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// What Hangfire runs for every job: claims the occurrence in job_runs (once across instances and retries),
/// resumes a killed run from its checkpoint, keeps a heartbeat while the job works, and records how it ended.
/// </summary>
public sealed class JobRunner(JobCatalog catalog, JobRunRepository runs, IOptions<JobsOptions> options, ILogger<JobRunner> log)
{
    /// <param name="occurrence">Null for a recurring job: the occurrence is its scheduled instant.</param>
    [DisplayName("{0}")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    public async Task RunAsync(string job, string? occurrence, string? argument, PerformContext? context, CancellationToken ct)
    {
        var definition = catalog.Find(job) ?? throw new InvalidOperationException($"no job named {job}");
        occurrence ??= OccurrenceOf(context);
        var record = await runs.BeginAsync(job, occurrence, argument, TimeSpan.FromSeconds(options.Value.StaleRunSeconds), ct);
        if (record is null)
        {
            if (await runs.StatusAsync(job, occurrence, ct) == JobRunStatus.Running)
            {
                // Hangfire may hand back a killed instance's job before that run's heartbeat is stale: throwing lets
                // its retry come back once the heartbeat has aged out, and resume the run instead of dropping it.
                throw new InvalidOperationException($"{job} {occurrence}: an attempt with a live heartbeat holds the run; retried later");
            }
            log.LogInformation("{Job} {Occurrence}: already done", job, occurrence);
            return;
        }
        var run = new JobRun(runs, record);
        if (run.Attempt > 1) log.LogInformation("{Job} {Occurrence}: resuming attempt {Attempt} from {Checkpoint}", job, occurrence, run.Attempt, run.Checkpoint ?? "the start");

        using var beating = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = BeatAsync(run.Id, beating.Token);
        try
        {
            await definition.RunAsync(run, ct);
            await runs.FinishAsync(run, JobRunStatus.Succeeded, null, CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the run stays "running"; its heartbeat stops and the next attempt resumes it.
            throw;
        }
        catch (Exception ex)
        {
            await runs.FinishAsync(run, JobRunStatus.Failed, ex.Message, CancellationToken.None);
            throw;
        }
        finally
        {
            await beating.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>A recurring job's scheduled instant (set by Hangfire's scheduler), else the background job's id.</summary>
    static string OccurrenceOf(PerformContext? context)
    {
        if (context?.GetJobParameter<long?>("Time") is { } unixSeconds)
        {
            return DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }
        return "job-" + (context?.BackgroundJob.Id ?? Guid.NewGuid().ToString("N"));
    }

    async Task BeatAsync(string runId, CancellationToken ct)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, options.Value.StaleRunSeconds / 4.0));
        try
        {
            while (true)
            {
                await Task.Delay(every, ct);
                await runs.HeartbeatAsync(runId, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Heartbeat of run {RunId} stopped", runId);
        }
    }
}
