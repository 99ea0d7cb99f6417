using InventoryRules.Api.Supply;

namespace InventoryRules.Api.Jobs;

/// <summary>Triggered by a publish (or rollback) with the version's id: flags the segment's open reservations it no longer covers.</summary>
public sealed class ReservationReevaluationJob(ReservationReevaluator reevaluator) : IInventoryJob
{
    public const string JobName = "reservation-reevaluation";

    public string Name => JobName;

    public string Title => "Re-evaluation of open reservations after a publish";

    public JobKind Kind => JobKind.Triggered;

    public string? DefaultSchedule => null;

    public string? NotRunByHand => "it re-evaluates against a version just published: publishing or rolling back a rule set starts it";

    public Task RunAsync(JobRun run, CancellationToken ct) => reevaluator.RunAsync(run, ct);
}
