using InventoryRules.Api.Supply;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// Matches inbound supply at cross-dock nodes to open backorders: triggered after ingest batches with ASNs or
/// transfers out (<see cref="SupplyTriggers"/>), and every 15 minutes as a safety net.
/// </summary>
public sealed class CrossDockMatchingJob(CrossDockMatcher matcher) : IInventoryJob
{
    public const string JobName = "cross-dock-matching";

    public string Name => JobName;

    public string Title => "Cross-dock matching of inbound supply";

    public JobKind Kind => JobKind.Recurring;

    public string? DefaultSchedule => "*/15 * * * *";

    public Task RunAsync(JobRun run, CancellationToken ct) => matcher.RunAsync(run, ct);
}
