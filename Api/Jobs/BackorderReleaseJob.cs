using InventoryRules.Api.Supply;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// Releases backorders when stock arrives: triggered after ingest batches with receipts, transfers in, returns
/// or positive adjustments (<see cref="SupplyTriggers"/>), and every 10 minutes as a safety net.
/// </summary>
public sealed class BackorderReleaseJob(BackorderReleaser releaser) : IInventoryJob
{
    public const string JobName = "backorder-release";

    public string Name => JobName;

    public string Title => "Backorder release on receipts";

    public JobKind Kind => JobKind.Recurring;

    public string? DefaultSchedule => "*/10 * * * *";

    public Task RunAsync(JobRun run, CancellationToken ct) => releaser.RunAsync(run, ct);
}
