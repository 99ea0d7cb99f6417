using Hangfire;
using Hangfire.Storage;
using InventoryRules.Api.Auth;
using InventoryRules.Api.Jobs;
using InventoryRules.Api.Positions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api;

/// <summary>The background jobs: what runs when, how far each run got, what it did; operators start one now.</summary>
public static class JobsApi
{
    /// <summary>The run will carry <paramref name="Occurrence"/>: find it in GET /v1/jobs/{name}/runs.</summary>
    public sealed record Triggered(string Job, string Occurrence, string HangfireJobId);

    public static void MapJobsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1/jobs").RequireAuthorization(Policies.ReadRules).WithTags("Jobs");
        read.MapGet("", List).WithName("ListJobs").WithSummary("Every background job with its schedule, next run and latest run");
        read.MapGet("/{name}/runs", Runs).WithName("ListJobRuns");
        read.MapGet("/runs/{runId}", async (string runId, JobRunRepository runs, IOptions<JobsOptions> options, TimeProvider clock, CancellationToken ct) =>
            await runs.GetAsync(runId, ct) is { } r ? (IResult)TypedResults.Ok(JobRunDto.From(r, StaleBefore(options, clock))) : Problems.NotFound($"job run {runId}"))
            .WithName("GetJobRun");
        app.MapPost("/v1/jobs/{name}/trigger", Trigger).RequireAuthorization(Policies.RunJobs).WithTags("Jobs")
            .WithName("TriggerJob").WithSummary("Runs a job now (its own occurrence), beside its schedule");
    }

    static DateTimeOffset StaleBefore(IOptions<JobsOptions> options, TimeProvider clock) => clock.GetUtcNow().AddSeconds(-options.Value.StaleRunSeconds);

    static async Task<Ok<IReadOnlyList<JobDto>>> List(JobCatalog catalog, JobRunRepository runs, JobStorage storage, IOptions<JobsOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var staleBefore = StaleBefore(options, clock);
        var latest = await runs.LatestAsync(ct);
        using var connection = storage.GetConnection();
        var next = connection.GetRecurringJobs().ToDictionary(r => r.Id, r => r.NextExecution, StringComparer.Ordinal);
        IReadOnlyList<JobDto> jobs = [.. catalog.All.Select(j => new JobDto(
            j.Name, j.Title, j.Kind == JobKind.Recurring ? "recurring" : "triggered", catalog.ScheduleOf(j),
            next.GetValueOrDefault(j.Name) is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
            latest.TryGetValue(j.Name, out var run) ? JobRunDto.From(run, staleBefore) : null))];
        return TypedResults.Ok(jobs);
    }

    static async Task<IResult> Runs(string name, int? page, int? pageSize, JobCatalog catalog, JobRunRepository runs, IOptions<JobsOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        if (catalog.Find(name) is null) return Problems.NotFound($"job {name}");
        if (Paging.Check(page, pageSize) is { } bad) return bad;
        var (items, total) = await runs.ListAsync(name, page ?? 1, pageSize ?? Paging.DefaultSize, ct);
        return TypedResults.Ok(new ResultPage<JobRunDto>([.. items.Select(r => JobRunDto.From(r, StaleBefore(options, clock)))], page ?? 1, pageSize ?? Paging.DefaultSize, total));
    }

    public const string NotRunByHandCode = "job_not_run_by_hand";

    static IResult Trigger(string name, JobCatalog catalog, JobLauncher launcher)
    {
        if (catalog.Find(name) is not { } job) return Problems.NotFound($"job {name}");
        if (job.NotRunByHand is { } why) return Problems.Create(StatusCodes.Status409Conflict, NotRunByHandCode, "Not run by hand", $"{name}: {why}");
        var occurrence = $"manual:{Guid.NewGuid():N}";
        return TypedResults.Accepted($"/v1/jobs/{name}/runs", new Triggered(name, occurrence, launcher.Enqueue(name, occurrence)));
    }
}
