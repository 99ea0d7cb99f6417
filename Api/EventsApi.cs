using System.Security.Claims;
using InventoryRules.Api.Auth;
using InventoryRules.Api.Ingest;
using InventoryRules.Api.Jobs;
using InventoryRules.Api.Json;
using InventoryRules.Api.MasterData;
using InventoryRules.Api.Operations;
using InventoryRules.Engine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api;

/// <summary>Feeds: event batches, heartbeats, and the dead letters their refused events leave.</summary>
public static class EventsApi
{
    static readonly System.Text.Json.JsonSerializerOptions Json = JsonDefaults.Create();

    public sealed record HeartbeatRequest(string? Source, DateTimeOffset? At);

    public static void MapEventsApi(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/v1").RequireAuthorization(Policies.Integrate).WithTags("Events");
        feeds.MapPost("/events", PostEvents).WithName("PostEvents")
            .Accepts<EventBatchDoc>("application/json")
            .WithSummary("Ingest a batch of up to 10,000 inventory events; refused ones go to the dead-letter store");
        feeds.MapPost("/nodes/{code}/heartbeat", Heartbeat).WithName("Heartbeat")
            .WithSummary("A feed with nothing to report keeps its node fresh");

        var letters = app.MapGroup("/v1/dead-letters").RequireAuthorization(Policies.Operate).WithTags("Events");
        letters.MapGet("/", ListDeadLetters).WithName("ListDeadLetters");
        letters.MapGet("/{id:long}", GetDeadLetter).WithName("GetDeadLetter");
        letters.MapPost("/{id:long}/replay", Replay).WithName("ReplayDeadLetter")
            .WithSummary("Replay a refused event as stored, or with a corrected event in the body");

        app.MapGet("/v1/nodes/{code}/feeds", Feeds).RequireAuthorization(Policies.Read).WithTags("Events").WithName("NodeFeeds");
    }

    /// <summary>For the OpenAPI document only: the body is read element by element.</summary>
    public sealed record EventBatchDoc(EventInput[] Events);

    static async Task<Results<Ok<IngestResult>, ProblemHttpResult>> PostEvents(
        HttpRequest request, EventIngestor ingestor, IOptions<IngestOptions> options, SupplyTriggers triggers, CancellationToken ct)
    {
        var read = await EventBatchReader.ReadAsync(request.Body, options.Value.MaxBatchSize, Json, ct);
        if (read.Error is { } error)
        {
            var status = error.Code == ErrorCodes.BatchTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return Problems.Create(status, error.Code, error.Code == ErrorCodes.BatchTooLarge ? "Batch too large" : "The batch cannot be read",
                error.Message, [error]);
        }
        var result = await ingestor.IngestAsync(read.Events!, keepDeadLetters: true, ct);
        triggers.AfterIngest(read.Events!, result);
        return TypedResults.Ok(result);
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Heartbeat(
        string code, HeartbeatRequest body, MasterDataCache masterData, FeedRepository feeds, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Source))
        {
            return Problems.Invalid([new FieldError("source", ErrorCodes.MissingField, "name the feed that is alive (source)")]);
        }
        var snapshot = await masterData.GetAsync(ct);
        if (!snapshot.Nodes.ContainsKey(code) && !(await masterData.RefreshAsync(snapshot, ct)).Nodes.ContainsKey(code))
        {
            return Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.UnknownNode, "Unknown node", $"node '{code}' is not in the node master");
        }
        var now = clock.GetUtcNow();
        var at = body.At ?? now;
        if (at > now + TimeSpan.FromMinutes(5))
        {
            return Problems.Invalid([new FieldError("at", ErrorCodes.InvalidValue, "a heartbeat cannot be in the future")]);
        }
        await feeds.HeartbeatAsync(code, body.Source, at, ct);
        return TypedResults.NoContent();
    }

    static async Task<Ok<IReadOnlyList<FeedRepository.FeedDto>>> Feeds(string code, FeedRepository feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.ForNodeAsync(code, ct));

    static async Task<Results<Ok<Positions.ResultPage<DeadLetterDto>>, ProblemHttpResult>> ListDeadLetters(
        DeadLetterRepository letters, string? status, string? source, string? code, int? page, int? pageSize, CancellationToken ct)
    {
        if (Paging.Check(page, pageSize) is { } bad) return bad;
        return TypedResults.Ok(await letters.ListAsync(status, source, code, page ?? 1, pageSize ?? Paging.DefaultSize, ct));
    }

    static async Task<Results<Ok<DeadLetterDto>, ProblemHttpResult>> GetDeadLetter(long id, DeadLetterRepository letters, CancellationToken ct) =>
        await letters.GetAsync(id, ct) is { } letter ? TypedResults.Ok(letter) : Problems.NotFound($"dead letter {id}");

    static async Task<Results<Ok<IngestResult>, ProblemHttpResult>> Replay(
        long id, HttpRequest request, DeadLetterRepository letters, EventIngestor ingestor, SupplyTriggers triggers, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (await letters.GetAsync(id, ct) is not { } letter) return Problems.NotFound($"dead letter {id}");
        if (letter.Status == DeadLetterRepository.Replayed)
        {
            return Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.AlreadyReplayed, "Already replayed",
                $"dead letter {id} was replayed at {letter.ReplayedAt:O}");
        }
        // A corrected event may come in the body; without one the stored payload is tried again
        // (useful once the missing item or node has been added to master data).
        var corrected = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0;
        var payload = corrected ? await new StreamReader(request.Body).ReadToEndAsync(ct) : letter.RawPayload;
        var read = await EventBatchReader.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{{\"events\":[{payload}]}}")), 1, Json, ct);
        if (read.Error is { } error) return Problems.Invalid([error with { Field = "body" }]);
        var result = await ingestor.IngestAsync(read.Events!, keepDeadLetters: false, ct);
        triggers.AfterIngest(read.Events!, result);
        var succeeded = result.Rejected.Count == 0;
        var outcome = succeeded
            ? (result.Accepted == 1 ? "accepted" : "duplicate") + $" by {user.Identity?.Name}" + (corrected ? " (corrected)" : "")
            : $"refused again: {result.Rejected[0].Code} ({result.Rejected[0].Field})";
        await letters.RecordAttemptAsync(id, succeeded, outcome, ct);
        return TypedResults.Ok(result);
    }
}
