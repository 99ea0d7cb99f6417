namespace InventoryRules.Api.Experiments;

/// <summary>
/// One replay of an experiment with its job run's state joined in (null columns while it is still queued):
/// progress lives in job_runs, written in the same transaction as each batch of outcomes.
/// </summary>
public sealed class ReplayRecord
{
    public const string Job = "experiment-replay";

    public string Id { get; init; } = "";
    public string ExperimentId { get; init; } = "";
    public long FromAt { get; init; }
    public long ToAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public long CreatedAt { get; init; }
    public string? RunId { get; init; }
    public string? RunStatus { get; init; }
    public long? Done { get; init; }
    public long? Total { get; init; }
    public long? RunStartedAt { get; init; }
    public long? RunFinishedAt { get; init; }
    public string? Message { get; init; }

    /// <summary>The job occurrence of this replay: enqueuing it again runs it once (or resumes it).</summary>
    public string Occurrence => OccurrenceOf(Id);

    public static string OccurrenceOf(string replayId) => "replay:" + replayId;

    public static string NewId() => "rpl-" + Guid.CreateVersion7().ToString("N");
}
