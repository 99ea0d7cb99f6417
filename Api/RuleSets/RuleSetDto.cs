using System.Text.Json.Nodes;
using InventoryRules.Api.Data;
using InventoryRules.Rules.Validation;

namespace InventoryRules.Api.RuleSets;

/// <summary>A rule set version on the wire: its place in the history and, unless listed, its document.</summary>
public sealed record RuleSetDto(
    string Id, string Segment, long Version, string Status, bool Active, string Name, long Revision, string Author,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string UpdatedBy, string? BasedOn, DateTimeOffset? PublishedAt, string? PublishedBy,
    string? PublishComment, DateTimeOffset? EffectiveFrom, DateTimeOffset? ArchivedAt, string? ArchivedBy,
    JsonNode? Document, IReadOnlyList<RuleProblem>? Problems)
{
    public static RuleSetDto From(RuleSetRecord r, bool active, bool withDocument, IReadOnlyList<RuleProblem>? problems = null) => new(
        r.Id, r.Segment, r.Version, r.Status, active, r.Name, r.Revision, r.Author, Instants.FromMicros(r.CreatedAt),
        Instants.FromMicros(r.UpdatedAt), r.UpdatedBy ?? r.Author, r.BasedOn, Instants.FromMicros(r.PublishedAt), r.PublishedBy, r.PublishComment,
        Instants.FromMicros(r.EffectiveFrom), Instants.FromMicros(r.ArchivedAt), r.ArchivedBy,
        withDocument ? JsonNode.Parse(r.Document) : null, problems);
}
