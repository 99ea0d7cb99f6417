using System.Text.Json.Serialization;

namespace InventoryRules.Api.Jobs;

/// <summary>A job on the wire: what it is, when it runs next, and its latest run.</summary>
public sealed record JobDto(
    string Name, string Title, string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Schedule,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? NextRunAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JobRunDto? LastRun);
