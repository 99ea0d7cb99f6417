using InventoryRules.Api.Stock;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// Recurring: safety stock, holds and reorder triggers recomputed over every position from the event
/// history and the rule sets in force, only the differences written (<see cref="StockFigureSync"/>); then
/// the perishable-reorder pack runs over the fresh figures.
/// </summary>
public sealed class StockReevaluationJob(StockFigureSync sync, JobLauncher launcher) : IInventoryJob
{
    public const string JobName = "stock-reevaluation";

    public string Name => JobName;

    public string Title => "Safety stock, holds and reorder triggers";

    public JobKind Kind => JobKind.Recurring;

    public string? DefaultSchedule => "*/15 * * * *";

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        await sync.RunAsync(run, null, ct);
        // One follow-up per run, however often this run is retried or resumed.
        launcher.Enqueue(PerishableReorderJob.JobName, $"after:{run.Id}");
    }
}
