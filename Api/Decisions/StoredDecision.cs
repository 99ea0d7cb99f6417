namespace InventoryRules.Api.Decisions;

/// <summary>
/// A row of the decision log: the request, snapshot and result as JSON, and how long it took; with the experiment and arm
/// when a live experiment decided which version to use.
/// </summary>
public sealed record StoredDecision(
    string Id,
    string Kind,
    string? OrderId,
    string Segment,
    string RuleSetId,
    long RuleSetVersion,
    string? Arm,
    DateTimeOffset CreatedAt,
    string Request,
    string Snapshot,
    string Result,
    string Reservations,
    long DecideMicros,
    long TotalMicros,
    string? ExperimentId = null)
{
    public const string Source = "source";
    public const string AllocationRun = "allocation_run";

    /// <summary>Time-ordered, so the newest decisions sort last by id too.</summary>
    public static string NewId() => "dec_" + Guid.CreateVersion7().ToString("N");

    /// <summary>When the soft reservations of a source decision lapse unless confirmed; stored with the plans.</summary>
    public sealed record ReservationsDoc(DateTimeOffset? ExpiresAt, IReadOnlyList<ReservationPlan> Plans);
}
