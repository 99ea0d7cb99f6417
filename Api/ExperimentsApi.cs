using System.Security.Claims;
using InventoryRules.Api.Auth;
using InventoryRules.Api.Data;
using InventoryRules.Api.Experiments;
using InventoryRules.Api.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>
/// A/B experiments between two rule set versions of a segment: analysts create, start and stop them, run
/// offline replays and read the results; planners and operators read.
/// </summary>
public static class ExperimentsApi
{
    public sealed record ExperimentList(IReadOnlyList<ExperimentDto> Items);

    public static void MapExperimentsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1/experiments").RequireAuthorization(Policies.ReadExperiments).WithTags("Experiments");
        read.MapGet("", List).WithName("ListExperiments").WithSummary("Experiments, newest first, by segment and status");
        read.MapGet("/{id}", Get).WithName("GetExperiment");
        read.MapGet("/{id}/replays/{replayId}/outcomes", Outcomes).WithName("ListReplayOutcomes")
            .WithSummary("Per logged order and arm, the figures the replay's metrics sum: recompute any number by hand");
        read.MapGet("/{id}/results", Results).WithName("GetExperimentResults")
            .WithSummary("Per-arm metrics with 95% intervals and variant-against-control comparisons, from the latest replay or from live decisions");

        var write = app.MapGroup("/v1/experiments").RequireAuthorization(Policies.RunExperiments).WithTags("Experiments");
        write.MapPost("", Create).WithName("CreateExperiment").WithSummary("A draft experiment between two published or archived versions");
        write.MapPost("/{id}/start", Start).WithName("StartExperiment").WithSummary("draft → running: live orders of the segment are split inside the window");
        write.MapPost("/{id}/stop", Stop).WithName("StopExperiment").WithSummary("running → stopped");
        write.MapPost("/{id}/replay", Replay).WithName("ReplayExperiment")
            .WithSummary("Queue an offline replay of the segment's logged decisions in [from, to) (default: the window) under both versions");
    }

    static async Task<Results<Created<ExperimentDto>, ProblemHttpResult>> Create(ExperimentBodies.Create body, ClaimsPrincipal user,
        ExperimentChecks checks, ExperimentRepository experiments, TimeProvider clock, CancellationToken ct)
    {
        var (valid, problem) = await checks.CheckAsync(body, ct);
        if (problem is not null) return problem;
        var e = valid!;
        var record = new ExperimentRecord
        {
            Id = ExperimentRecord.NewId(), Name = e.Name, Segment = e.Segment, ControlRuleSetId = e.Control.Id, ControlVersion = e.Control.Version,
            VariantRuleSetId = e.Variant.Id, VariantVersion = e.Variant.Version, TrafficShare = e.TrafficShare,
            WindowFrom = Instants.ToMicros(e.From), WindowTo = Instants.ToMicros(e.To), AssignmentKey = e.AssignmentKey,
            Status = ExperimentRecord.Draft, CreatedBy = Author(user), CreatedAt = Instants.ToMicros(clock.GetUtcNow()),
        };
        if (await experiments.OverlappingAsync(record.Id, record.Segment, record.WindowFrom, record.WindowTo, ct) is [var other, ..])
        {
            return Overlap(record, other);
        }
        await experiments.InsertAsync(record, ct);
        return TypedResults.Created($"/v1/experiments/{record.Id}", ExperimentDto.From(record, null));
    }

    static async Task<Results<Ok<ExperimentList>, ProblemHttpResult>> List(string? segment, string? status, ExperimentRepository experiments,
        CancellationToken ct)
    {
        if (status is not null and not (ExperimentRecord.Draft or ExperimentRecord.Running or ExperimentRecord.Stopped))
        {
            return Problems.Invalid([new FieldError("status", ExperimentErrorCodes.Invalid, "status is draft, running or stopped")]);
        }
        var records = await experiments.ListAsync(segment, status, ct);
        var replays = await experiments.LatestReplaysAsync([.. records.Select(r => r.Id)], ct);
        return TypedResults.Ok(new ExperimentList([.. records.Select(r => ExperimentDto.From(r, replays.GetValueOrDefault(r.Id)))]));
    }

    static async Task<Results<Ok<ExperimentDto>, ProblemHttpResult>> Get(string id, ExperimentRepository experiments, CancellationToken ct) =>
        await experiments.GetAsync(id, ct) is { } record ? TypedResults.Ok(await DtoAsync(record, experiments, ct)) : NotFound(id);

    static async Task<Results<Ok<ExperimentDto>, ProblemHttpResult>> Start(string id, ExperimentRepository experiments, RunningExperiments running,
        TimeProvider clock, CancellationToken ct)
    {
        if (await experiments.GetAsync(id, ct) is not { } record) return NotFound(id);
        switch (await experiments.StartAsync(record, Instants.ToMicros(clock.GetUtcNow()), ct))
        {
            case ExperimentRepository.Change.NotFound:
                return NotFound(id);
            case ExperimentRepository.Change.WrongState:
                return WrongState((await experiments.GetAsync(id, ct))!, "start", ExperimentRecord.Draft);
            case ExperimentRepository.Change.Overlap:
                var others = await experiments.OverlappingAsync(record.Id, record.Segment, record.WindowFrom, record.WindowTo, ct);
                return Overlap(record, others.FirstOrDefault());
        }
        running.Invalidate();
        return TypedResults.Ok(await DtoAsync((await experiments.GetAsync(id, ct))!, experiments, ct));
    }

    static async Task<Results<Ok<ExperimentDto>, ProblemHttpResult>> Stop(string id, ExperimentRepository experiments, RunningExperiments running,
        TimeProvider clock, CancellationToken ct)
    {
        switch (await experiments.StopAsync(id, Instants.ToMicros(clock.GetUtcNow()), ct))
        {
            case ExperimentRepository.Change.NotFound:
                return NotFound(id);
            case ExperimentRepository.Change.WrongState:
                return WrongState((await experiments.GetAsync(id, ct))!, "stop", ExperimentRecord.Running);
        }
        running.Invalidate();
        return TypedResults.Ok(await DtoAsync((await experiments.GetAsync(id, ct))!, experiments, ct));
    }

    static async Task<Results<Accepted<ExperimentDto>, ProblemHttpResult>> Replay(string id, ExperimentBodies.Replay? body, ClaimsPrincipal user,
        ExperimentRepository experiments, JobLauncher launcher, TimeProvider clock, CancellationToken ct)
    {
        if (await experiments.GetAsync(id, ct) is not { } record) return NotFound(id);
        var now = clock.GetUtcNow();
        var from = body?.From ?? Instants.FromMicros(record.WindowFrom);
        // The log up to now: decisions logged while the replay runs are not part of it, so its total holds still.
        var to = body?.To ?? Instants.FromMicros(record.WindowTo);
        if (to > now) to = now;
        if (from >= to)
        {
            return Problems.Invalid([new FieldError(body?.To is null ? "from" : "to", ExperimentErrorCodes.Invalid,
                $"the replay covers [from, to) of the decision log up to now; from {from:O} is not before {to:O}")]);
        }
        var replay = new ReplayRecord
        {
            Id = ReplayRecord.NewId(), ExperimentId = id, FromAt = Instants.ToMicros(from), ToAt = Instants.ToMicros(to), CreatedBy = Author(user),
            CreatedAt = Instants.ToMicros(now),
        };
        await experiments.InsertReplayAsync(replay, ct);
        launcher.Enqueue(ReplayRecord.Job, replay.Occurrence, replay.Id);
        return TypedResults.Accepted($"/v1/experiments/{id}", await DtoAsync(record, experiments, ct));
    }

    static async Task<Results<Ok<InventoryRules.Api.Positions.ResultPage<OutcomeDto>>, ProblemHttpResult>> Outcomes(string id, string replayId,
        int? page, int? pageSize, ExperimentRepository experiments, OutcomeRepository outcomes, CancellationToken ct)
    {
        if (Paging.Check(page, pageSize) is { } bad) return bad;
        if (await experiments.GetReplayAsync(replayId, ct) is not { } replay || replay.ExperimentId != id) return Problems.NotFound($"replay {replayId} of experiment {id}");
        var (number, size) = (page ?? 1, pageSize ?? Paging.DefaultSize);
        var (rows, total) = await outcomes.PageAsync(id, replayId, number, size, ct);
        return TypedResults.Ok(new InventoryRules.Api.Positions.ResultPage<OutcomeDto>([.. rows.Select(OutcomeDto.From)], number, size, total));
    }

    static async Task<Results<Ok<ExperimentResultsDto>, ProblemHttpResult>> Results(string id, string? source, string? replayId,
        ExperimentRepository experiments, ExperimentResults results, CancellationToken ct)
    {
        if (source is not null and not (ExperimentResultsDto.FromReplay or ExperimentResultsDto.FromLive))
        {
            return Problems.Invalid([new FieldError("source", ExperimentErrorCodes.Invalid, "source is replay or live")]);
        }
        if (await experiments.GetAsync(id, ct) is not { } record) return NotFound(id);
        if (source == ExperimentResultsDto.FromLive) return TypedResults.Ok(await results.LiveAsync(record, ct));
        var replay = replayId is not null ? await experiments.GetReplayAsync(replayId, ct)
            : (await experiments.LatestReplaysAsync([id], ct)).GetValueOrDefault(id);
        if (replay is null || replay.ExperimentId != id)
        {
            return replayId is not null ? Problems.NotFound($"replay {replayId} of experiment {id}")
                : Problems.Create(StatusCodes.Status409Conflict, ExperimentErrorCodes.State, "Not replayed yet",
                    $"experiment {id} has no replay; start one with POST /v1/experiments/{id}/replay, or ask for ?source=live");
        }
        return TypedResults.Ok(await results.ReplayAsync(record, replay, ct));
    }

    static async Task<ExperimentDto> DtoAsync(ExperimentRecord record, ExperimentRepository experiments, CancellationToken ct) =>
        ExperimentDto.From(record, (await experiments.LatestReplaysAsync([record.Id], ct)).GetValueOrDefault(record.Id));

    static ProblemHttpResult NotFound(string id) => Problems.NotFound($"experiment {id}");

    static ProblemHttpResult WrongState(ExperimentRecord record, string action, string needed) =>
        Problems.Create(StatusCodes.Status409Conflict, ExperimentErrorCodes.State, $"Cannot {action}",
            $"experiment {record.Id} is {record.Status}; only a {needed} experiment can be {(action == "start" ? "started" : "stopped")}");

    static ProblemHttpResult Overlap(ExperimentRecord record, ExperimentRecord? other)
    {
        var message = other is null
            ? $"another running experiment of segment '{record.Segment}' overlaps this window"
            : $"experiment {other.Id} ('{other.Name}') is running for segment '{record.Segment}' from {Instants.FromMicros(other.WindowFrom):O} to {Instants.FromMicros(other.WindowTo):O}, overlapping this window; an order can be in one experiment only";
        return Problems.Create(StatusCodes.Status409Conflict, ExperimentErrorCodes.Overlap, "Overlapping experiment", message,
            [new FieldError("window", ExperimentErrorCodes.Overlap, message)]);
    }

    static string Author(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
