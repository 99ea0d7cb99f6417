using System.Text.Json.Serialization;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.Jobs;

/// <summary>A run on the wire: how far it got and what it matched and did.</summary>
public sealed record JobRunDto(
    string RunId, string Job, string Occurrence, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Argument,
    string Status, int Attempts, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? FinishedAt, JobProgressDto Progress,
    IReadOnlyDictionary<string, long> Summary, IReadOnlyList<string> Report,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Message)
{
    public static JobRunDto From(JobRunRecord r) => new(
        r.Id, r.Job, r.Occurrence, r.Argument, r.Status, r.Attempts, Instants.FromMicros(r.StartedAt), Instants.FromMicros(r.HeartbeatAt),
        Instants.FromMicros(r.FinishedAt), new JobProgressDto(r.Done, r.Total), JobRunRecord.ReadSummary(r.Summary),
        JobRunRecord.ReadReport(r.Report), r.Message);
}

public sealed record JobProgressDto(long Done, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Total);
