using System.Security.Claims;
using System.Text.Json.Nodes;
using InventoryRules.Api.Auth;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.RuleSets;
using InventoryRules.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryRules.Api;

/// <summary>
/// Feedback on rule sets: operators and analysts say what went wrong on the floor, on a rule or on the
/// whole version; planners see it beside the rule, in every later version of the segment too.
/// </summary>
public static class RuleCommentsApi
{
    /// <summary>Who may comment: everyone who reads rule sets.</summary>
    public const string Policy = Policies.ReadRules;

    public const int MaxBodyLength = 4000;

    public sealed record NewRuleComment(string? RuleId, string? Body);

    /// <summary>One comment; <c>ruleId</c> is left out when the comment is on the whole version.</summary>
    public sealed record RuleComment(long Id, string RuleSetId, string Segment, long Version, string? RuleId, string Author, string Role,
        string Body, DateTimeOffset CreatedAt)
    {
        public static RuleComment From(RuleCommentRepository.Comment c) =>
            new(c.Id, c.RuleSetId, c.Segment, c.Version, c.RuleId, c.Author, c.Role, c.Body, Instants.FromMicros(c.CreatedAt));
    }

    public static void MapRuleCommentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/rulesets/{id}/comments").RequireAuthorization(Policy).WithTags("Rule sets");
        group.MapPost("/", Add).WithName("CommentOnRuleSet")
            .WithSummary("Feedback on this version or one of its rules (ruleId); the author and role come from the API key")
            .ProducesProblems((400, "missing_field, invalid_value (body over 4000 characters), unknown_rule (ruleId not in this version); errors name each field"),
                (401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden), (404, "not_found: no rule set with this id"));
        group.MapGet("/", List).WithName("ListRuleSetComments")
            .WithSummary("Comments on every version of this rule set's segment, newest first; ?ruleId= keeps one rule's")
            .ProducesProblems((401, DecisionOpenApi.Unauthorized), (403, DecisionOpenApi.Forbidden), (404, "not_found: no rule set with this id"));
    }

    static async Task<Results<Created<RuleComment>, ProblemHttpResult>> Add(
        string id, NewRuleComment? body, ClaimsPrincipal user, RuleSetRepository ruleSets, RuleCommentRepository comments, TimeProvider clock,
        CancellationToken ct)
    {
        if (await ruleSets.GetAsync(id, ct) is not { } record) return Problems.NotFound($"rule set {id}");
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(body?.Body)) errors.Add(new("body", ErrorCodes.MissingField, "say what went wrong or what should change"));
        else if (body.Body.Length > MaxBodyLength)
        {
            errors.Add(new("body", ErrorCodes.InvalidValue, $"a comment has at most {MaxBodyLength} characters; this one has {body.Body.Length}"));
        }
        if (body?.RuleId is { } ruleId && !RuleIds(record.Document).Contains(ruleId))
        {
            errors.Add(new("ruleId", ErrorCodes.UnknownRule, $"{record.Id} has no rule '{ruleId}'; leave ruleId out to comment on the whole version"));
        }
        if (errors.Count > 0) return Problems.Invalid(errors);

        var saved = await comments.AddAsync(new RuleCommentRepository.Comment
        {
            RuleSetId = record.Id, Segment = record.Segment, Version = record.Version, RuleId = body!.RuleId,
            Author = user.Identity?.Name ?? "unknown", Role = user.FindFirstValue(ClaimTypes.Role) ?? "",
            Body = body.Body!, CreatedAt = Instants.ToMicros(clock.GetUtcNow()),
        }, ct);
        return TypedResults.Created($"/v1/rulesets/{record.Id}/comments", RuleComment.From(saved));
    }

    static async Task<Results<Ok<List<RuleComment>>, ProblemHttpResult>> List(
        string id, string? ruleId, RuleSetRepository ruleSets, RuleCommentRepository comments, CancellationToken ct)
    {
        if (await ruleSets.GetAsync(id, ct) is not { } record) return Problems.NotFound($"rule set {id}");
        var listed = await comments.ListAsync(record.Segment, string.IsNullOrEmpty(ruleId) ? null : ruleId, ct);
        return TypedResults.Ok(listed.Select(RuleComment.From).ToList());
    }

    /// <summary>The ids of a stored document's rules; a draft may be invalid, so anything unreadable is skipped.</summary>
    static HashSet<string> RuleIds(string document)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (JsonNode.Parse(document)?["rules"] is not JsonArray rules) return ids;
        foreach (var rule in rules)
        {
            if (rule is JsonObject r && r["id"] is JsonValue v && v.TryGetValue<string>(out var ruleId)) ids.Add(ruleId);
        }
        return ids;
    }
}
