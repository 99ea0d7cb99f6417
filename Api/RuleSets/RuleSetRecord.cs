namespace InventoryRules.Api.RuleSets;

/// <summary>One stored rule set version, as both stores return it (instants in microseconds).</summary>
public sealed record RuleSetRecord
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Archived = "archived";

    public string Id { get; init; } = "";
    public string Segment { get; init; } = "";
    public long Version { get; init; }
    public string Status { get; init; } = Draft;
    public string Name { get; init; } = "";
    public string Document { get; init; } = "{}";
    public long Revision { get; init; }
    public string Author { get; init; } = "";
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }
    /// <summary>Who saved, published or archived it last (null only before migration 0006 ran on a row).</summary>
    public string? UpdatedBy { get; init; }
    public string? BasedOn { get; init; }
    public long? PublishedAt { get; init; }
    public string? PublishedBy { get; init; }
    public string? PublishComment { get; init; }
    public long? EffectiveFrom { get; init; }
    public long? ArchivedAt { get; init; }
    public string? ArchivedBy { get; init; }
}
