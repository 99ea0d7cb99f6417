namespace InventoryRules.Api.Experiments;

/// <summary>One row of experiments, as both stores return it (instants in microseconds).</summary>
public sealed class ExperimentRecord
{
    public const string Draft = "draft";
    public const string Running = "running";
    public const string Stopped = "stopped";

    public const string ByOrder = "order";
    public const string ByCustomer = "customer";

    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Segment { get; init; } = "";
    public string ControlRuleSetId { get; init; } = "";
    public long ControlVersion { get; init; }
    public string VariantRuleSetId { get; init; } = "";
    public long VariantVersion { get; init; }
    public double TrafficShare { get; init; }
    public long WindowFrom { get; init; }
    public long WindowTo { get; init; }
    public string AssignmentKey { get; init; } = ByOrder;
    public string Status { get; init; } = Draft;
    public string CreatedBy { get; init; } = "";
    public long CreatedAt { get; init; }
    public long? StartedAt { get; init; }
    public long? StoppedAt { get; init; }

    /// <summary>Live assignment happens only inside [from, to).</summary>
    public bool Covers(long micros) => micros >= WindowFrom && micros < WindowTo;

    public static string NewId() => "exp-" + Guid.CreateVersion7().ToString("N");
}
