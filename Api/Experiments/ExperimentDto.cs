using System.Text.Json.Serialization;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.Experiments;

/// <summary>An experiment on the wire (issue 6 contract), with its latest replay.</summary>
public sealed record ExperimentDto(
    string Id,
    string Name,
    string Segment,
    ExperimentDto.ArmVersion Control,
    ExperimentDto.ArmVersion Variant,
    double TrafficShare,
    ExperimentDto.TimeWindow Window,
    string AssignmentKey,
    string Status,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? StartedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? StoppedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never), JsonPropertyName("replay")] ExperimentDto.Replay? LatestReplay)
{
    public sealed record ArmVersion(string RuleSetId, long Version);

    public sealed record TimeWindow(DateTimeOffset From, DateTimeOffset To);

    /// <summary>Progress is the replay job's run (done of total decisions); <c>queued</c> until a worker takes it.</summary>
    public sealed record Replay(
        string Id,
        string Status,
        DateTimeOffset From,
        DateTimeOffset To,
        long Done,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Total,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? StartedAt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? FinishedAt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Message,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? RunId)
    {
        public const string Queued = "queued";

        public static Replay Of(ReplayRecord r) => new(r.Id, r.RunStatus ?? Queued, Instants.FromMicros(r.FromAt), Instants.FromMicros(r.ToAt),
            r.Done ?? 0, r.Total, Instants.FromMicros(r.RunStartedAt), Instants.FromMicros(r.RunFinishedAt), r.Message, r.RunId);
    }

    public static ExperimentDto From(ExperimentRecord e, ReplayRecord? replay) => new(
        e.Id, e.Name, e.Segment, new ArmVersion(e.ControlRuleSetId, e.ControlVersion), new ArmVersion(e.VariantRuleSetId, e.VariantVersion),
        e.TrafficShare, new TimeWindow(Instants.FromMicros(e.WindowFrom), Instants.FromMicros(e.WindowTo)), e.AssignmentKey, e.Status, e.CreatedBy,
        Instants.FromMicros(e.CreatedAt), Instants.FromMicros(e.StartedAt), Instants.FromMicros(e.StoppedAt), replay is null ? null : Replay.Of(replay));
}
