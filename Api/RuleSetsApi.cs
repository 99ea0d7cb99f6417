using System.Security.Claims;
using System.Text.Json.Nodes;
using InventoryRules.Api.Auth;
using InventoryRules.Api.Data;
using InventoryRules.Api.Jobs;
using InventoryRules.Api.RuleSets;
using InventoryRules.Engine;
using InventoryRules.Rules.Model;
using InventoryRules.Rules.Validation;
using InventoryRules.Rules.Versions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>
/// Rule set versions: planners create and edit drafts (optimistic concurrency on the revision), validate,
/// publish (immutable from then on), archive and roll back; analysts and operators read and diff.
/// </summary>
public static class RuleSetsApi
{
    public sealed record PublishRequest(string? Comment, DateTimeOffset? EffectiveFrom);

    public sealed record CommentRequest(string? Comment);

    public sealed record ValidationResult(bool Valid, IReadOnlyList<RuleProblem> Problems);

    public static void MapRuleSetsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/v1/rulesets").RequireAuthorization(Policies.ReadRules).WithTags("Rule sets");
        read.MapGet("/", List).WithName("ListRuleSets");
        read.MapGet("/diff", Diff).WithName("DiffRuleSets").WithSummary("Structural diff of two versions: fields, and rules added, removed, changed or moved");
        read.MapGet("/{id}", Get).WithName("GetRuleSet");
        read.MapPost("/{id}/validate", Validate).WithName("ValidateRuleSet");

        var write = app.MapGroup("/v1/rulesets").RequireAuthorization(Policies.AuthorRules).WithTags("Rule sets");
        write.MapPost("/", Create).WithName("CreateRuleSet").WithSummary("Create a draft; the body is the rule set document");
        write.MapPost("/{id}/drafts", CopyToDraft).WithName("CopyRuleSetToDraft").WithSummary("A new draft with the content of any version");
        write.MapPut("/{id}", Update).WithName("UpdateRuleSet").WithSummary("Replace a draft's document; If-Match carries the revision read");
        write.MapPost("/{id}/publish", Publish).WithName("PublishRuleSet");
        write.MapPost("/{id}/archive", Archive).WithName("ArchiveRuleSet");
        write.MapPost("/{id}/rollback", Rollback).WithName("RollbackRuleSet").WithSummary("Publish this earlier version's content again as a new version");
    }

    static async Task<Results<Ok<List<RuleSetDto>>, ProblemHttpResult>> List(
        string? segment, string? status, RuleSetRepository repository, RuleSetCatalog catalog, CancellationToken ct)
    {
        if (status is not null and not (RuleSetRecord.Draft or RuleSetRecord.Published or RuleSetRecord.Archived))
        {
            return Problems.Invalid([new FieldError("status", ErrorCodes.InvalidValue, "status is draft, published or archived")]);
        }
        var records = await repository.ListAsync(segment, status, ct);
        var result = new List<RuleSetDto>(records.Count);
        foreach (var r in records) result.Add(RuleSetDto.From(r, await IsActiveAsync(r, catalog, ct), withDocument: false));
        return TypedResults.Ok(result);
    }

    static async Task<Results<Ok<RuleSetDto>, ProblemHttpResult>> Get(
        string id, HttpResponse response, RuleSetRepository repository, RuleSetCatalog catalog, CancellationToken ct)
    {
        if (await repository.GetAsync(id, ct) is not { } record) return Problems.NotFound($"rule set {id}");
        response.Headers.ETag = ETag(record);
        return TypedResults.Ok(RuleSetDto.From(record, await IsActiveAsync(record, catalog, ct), withDocument: true));
    }

    static async Task<Results<Ok<ValidationResult>, ProblemHttpResult>> Validate(
        string id, RuleSetRepository repository, RuleSetChecks checks, CancellationToken ct)
    {
        if (await repository.GetAsync(id, ct) is not { } record) return Problems.NotFound($"rule set {id}");
        var problems = await checks.ValidateAsync(record.Document, ct);
        return TypedResults.Ok(new ValidationResult(RuleSetChecks.Publishable(problems), problems));
    }

    static async Task<Results<Created<RuleSetDto>, ProblemHttpResult>> Create(
        JsonNode? body, ClaimsPrincipal user, RuleSetRepository repository, RuleSetChecks checks, TimeProvider clock, CancellationToken ct)
    {
        if (await SegmentOf(body, checks, ct) is { } bad) return bad;
        var segment = body!["segment"]!.GetValue<string>();
        var json = body.ToJsonString();
        var record = await repository.CreateDraftAsync(segment, NameOf(body, segment), json, Author(user), null, Now(clock), ct);
        var problems = await checks.ValidateAsync(json, ct);
        return TypedResults.Created($"/v1/rulesets/{record.Id}", RuleSetDto.From(record, false, withDocument: true, problems));
    }

    static async Task<Results<Created<RuleSetDto>, ProblemHttpResult>> CopyToDraft(
        string id, ClaimsPrincipal user, RuleSetRepository repository, RuleSetChecks checks, TimeProvider clock, CancellationToken ct)
    {
        if (await repository.GetAsync(id, ct) is not { } source) return Problems.NotFound($"rule set {id}");
        var record = await repository.CreateDraftAsync(source.Segment, source.Name, source.Document, Author(user), source.Id, Now(clock), ct);
        var problems = await checks.ValidateAsync(record.Document, ct);
        return TypedResults.Created($"/v1/rulesets/{record.Id}", RuleSetDto.From(record, false, withDocument: true, problems));
    }

    static async Task<Results<Ok<RuleSetDto>, ProblemHttpResult>> Update(
        string id, JsonNode? body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, RuleSetRepository repository, RuleSetChecks checks,
        TimeProvider clock, CancellationToken ct)
    {
        if (await repository.GetAsync(id, ct) is not { } current) return Problems.NotFound($"rule set {id}");
        if (current.Status != RuleSetRecord.Draft) return NotDraft(current);
        if (Revision(request) is not { } expected)
        {
            return Problems.Create(StatusCodes.Status428PreconditionRequired, ErrorCodes.PreconditionRequired, "If-Match required",
                $"send If-Match: \"{current.Revision}\" (the revision you read) so that another planner's edit is never overwritten");
        }
        if (await SegmentOf(body, checks, ct) is { } bad) return bad;
        if (body!["segment"]!.GetValue<string>() != current.Segment)
        {
            return Problems.Invalid([new FieldError("segment", ErrorCodes.InvalidValue,
                $"this draft belongs to segment '{current.Segment}'; create a new draft for another segment")]);
        }
        var json = body.ToJsonString();
        switch (await repository.UpdateDraftAsync(id, expected, NameOf(body, current.Segment), json, Author(user), Now(clock), ct))
        {
            case RuleSetRepository.Change.RevisionMismatch:
                var latest = await repository.GetAsync(id, ct);
                return Problems.Create(StatusCodes.Status412PreconditionFailed, ErrorCodes.VersionConflict, "Edited by someone else",
                    $"{id} is at revision {latest?.Revision} (saved by {latest?.UpdatedBy ?? latest?.Author}, {Instants.FromMicros(latest?.UpdatedAt):u}); you edited revision {expected}. Reload and apply your change again.");
            case RuleSetRepository.Change.NotDraft:
                return NotDraft((await repository.GetAsync(id, ct))!);
            case RuleSetRepository.Change.NotFound:
                return Problems.NotFound($"rule set {id}");
        }
        var saved = (await repository.GetAsync(id, ct))!;
        response.Headers.ETag = ETag(saved);
        return TypedResults.Ok(RuleSetDto.From(saved, false, withDocument: true, await checks.ValidateAsync(json, ct)));
    }

    static async Task<Results<Ok<RuleSetDto>, ProblemHttpResult>> Publish(
        string id, PublishRequest? body, ClaimsPrincipal user, RuleSetRepository repository, RuleSetChecks checks, RuleSetCatalog catalog,
        JobLauncher jobs, TimeProvider clock, CancellationToken ct)
    {
        if (await repository.GetAsync(id, ct) is not { } draft) return Problems.NotFound($"rule set {id}");
        if (draft.Status != RuleSetRecord.Draft) return NotDraft(draft);
        var problems = await checks.ValidateAsync(draft.Document, ct);
        if (!RuleSetChecks.Publishable(problems)) return Invalid(id, problems);
        var now = clock.GetUtcNow();
        var effective = body?.EffectiveFrom is { } from && from > now ? from : now;
        switch (await repository.PublishAsync(id, draft.Revision, Author(user), body?.Comment, Instants.ToMicros(effective), Instants.ToMicros(now), ct))
        {
            case RuleSetRepository.Change.RevisionMismatch:
                return Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.VersionConflict, "Changed while publishing",
                    $"{id} was edited while it was being published; validate and publish again");
            case RuleSetRepository.Change.NotDraft:
                return NotDraft((await repository.GetAsync(id, ct))!);
        }
        catalog.Invalidate();
        jobs.Enqueue(ReservationReevaluationJob.JobName, $"publish:{id}", id);
        var published = (await repository.GetAsync(id, ct))!;
        return TypedResults.Ok(RuleSetDto.From(published, await IsActiveAsync(published, catalog, ct), withDocument: true, problems));
    }

    static async Task<Results<Ok<RuleSetDto>, ProblemHttpResult>> Archive(
        string id, ClaimsPrincipal user, RuleSetRepository repository, RuleSetCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        if (await repository.GetAsync(id, ct) is not { } record) return Problems.NotFound($"rule set {id}");
        switch (await repository.ArchiveAsync(id, Author(user), Now(clock), await IsActiveAsync(record, catalog, ct), ct))
        {
            case RuleSetRepository.Change.Active:
                return Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.ActiveVersion, "Version in force",
                    $"{id} is the version in force for '{record.Segment}'; publish or roll back to another version first");
            case RuleSetRepository.Change.NotDraft:
                return Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.AlreadyArchived, "Already archived", $"{id} is archived");
        }
        catalog.Invalidate();
        return TypedResults.Ok(RuleSetDto.From((await repository.GetAsync(id, ct))!, false, withDocument: false));
    }

    static async Task<Results<Created<RuleSetDto>, ProblemHttpResult>> Rollback(
        string id, CommentRequest? body, ClaimsPrincipal user, RuleSetRepository repository, RuleSetChecks checks, RuleSetCatalog catalog,
        JobLauncher jobs, TimeProvider clock, CancellationToken ct)
    {
        if (await repository.GetAsync(id, ct) is not { } earlier) return Problems.NotFound($"rule set {id}");
        if (earlier.Status == RuleSetRecord.Draft)
        {
            return Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.NotPublished, "Never published",
                $"{id} is a draft: roll back to a version that was published; publish a draft with .../publish");
        }
        // Master data may have moved on since the earlier version was published: it must still validate.
        var problems = await checks.ValidateAsync(earlier.Document, ct);
        if (!RuleSetChecks.Publishable(problems)) return Invalid(id, problems);
        var record = await repository.PublishCopyAsync(earlier, Author(user), body?.Comment ?? $"rollback to v{earlier.Version}", Now(clock), ct);
        catalog.Invalidate();
        jobs.Enqueue(ReservationReevaluationJob.JobName, $"publish:{record.Id}", record.Id);
        return TypedResults.Created($"/v1/rulesets/{record.Id}", RuleSetDto.From(record, true, withDocument: true, problems));
    }

    static async Task<Results<Ok<RuleSetDiff.Result>, ProblemHttpResult>> Diff(string? from, string? to, RuleSetRepository repository, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(from)) errors.Add(new("from", ErrorCodes.MissingField, "name the earlier version: ?from={id}"));
        if (string.IsNullOrEmpty(to)) errors.Add(new("to", ErrorCodes.MissingField, "name the later version: ?to={id}"));
        if (errors.Count > 0) return Problems.Invalid(errors);
        if (await repository.GetAsync(from!, ct) is not { } a) return Problems.NotFound($"rule set {from}");
        if (await repository.GetAsync(to!, ct) is not { } b) return Problems.NotFound($"rule set {to}");
        return TypedResults.Ok(RuleSetDiff.Compare(JsonNode.Parse(a.Document), JsonNode.Parse(b.Document)));
    }

    static async Task<ProblemHttpResult?> SegmentOf(JsonNode? body, RuleSetChecks checks, CancellationToken ct)
    {
        if (body is not JsonObject document)
        {
            return Problems.Invalid([new FieldError("body", ErrorCodes.InvalidType, "the body is a rule set document (a JSON object)")]);
        }
        if (document["segment"] is not JsonValue value || !value.TryGetValue<string>(out var segment) || segment.Length == 0)
        {
            return Problems.Invalid([new FieldError("segment", ErrorCodes.MissingField, "name the segment this rule set governs")]);
        }
        return (await checks.ContextAsync(ct)).Segments.Contains(segment) ? null
            : Problems.Invalid([new FieldError("segment", ErrorCodes.UnknownSegment, $"segment '{segment}' does not exist")]);
    }

    static string NameOf(JsonNode body, string segment) =>
        body["name"] is JsonValue v && v.TryGetValue<string>(out var name) && name.Length > 0 ? name : $"{segment} rules";

    static async Task<bool> IsActiveAsync(RuleSetRecord record, RuleSetCatalog catalog, CancellationToken ct) =>
        record.Status == RuleSetRecord.Published && await catalog.ActiveIdAsync(record.Segment, ct) == record.Id;

    static ProblemHttpResult NotDraft(RuleSetRecord record) => Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.NotDraft,
        "Not a draft", $"{record.Id} is {record.Status} and can no longer change; create a draft from it (POST /v1/rulesets/{record.Id}/drafts)");

    internal static ProblemHttpResult Invalid(string id, IReadOnlyList<RuleProblem> problems)
    {
        var result = Problems.Create(StatusCodes.Status422UnprocessableEntity, ErrorCodes.RuleSetInvalid, "The rule set is not valid",
            $"{id} has {problems.Count(p => p.Severity == RuleProblemCodes.Error)} error(s); fix them and publish again",
            [.. problems.Where(p => p.Severity == RuleProblemCodes.Error).Select(p => new FieldError(p.Pointer, p.Code, p.Message))]);
        result.ProblemDetails.Extensions["problems"] = problems;
        return result;
    }

    static long? Revision(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim().Trim('W', '/').Trim('"');
        return long.TryParse(header, System.Globalization.CultureInfo.InvariantCulture, out var revision) ? revision : null;
    }

    static string ETag(RuleSetRecord record) => $"\"{record.Revision}\"";

    static string Author(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    static long Now(TimeProvider clock) => Instants.ToMicros(clock.GetUtcNow());
}
