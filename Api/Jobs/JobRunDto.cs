using System.Text.Json.Serialization;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.Jobs;

/// <summary>A run on the wire: how far it got and what it matched and did.</summary>
public sealed record JobRunDto(
    string RunId, string Job, string Occurrence, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Argument,
    string Status, int Attempts, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? FinishedAt, JobProgressDto Progress,
    IReadOnlyDictionary<string, long> Summary, IReadOnlyList<string> Report,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Message,
    bool Stale)
{
    /// <param name="staleBefore">
    /// A running run whose heartbeat is older lost its instance (killed, machine gone): <see cref="Stale"/> says
    /// so, and the next attempt resumes it from its checkpoint.
    /// </param>
    public static JobRunDto From(JobRunRecord r, DateTimeOffset staleBefore) => new(
        r.Id, r.Job, r.Occurrence, r.Argument, r.Status, r.Attempts, Instants.FromMicros(r.StartedAt), Instants.FromMicros(r.HeartbeatAt),
        Instants.FromMicros(r.FinishedAt), new JobProgressDto(r.Done, r.Total), JobRunRecord.ReadSummary(r.Summary),
        JobRunRecord.ReadReport(r.Report), r.Message,
        r.Status == JobRunStatus.Running && Instants.FromMicros(r.HeartbeatAt) < staleBefore);
}

public sealed record JobProgressDto(long Done, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Total);
