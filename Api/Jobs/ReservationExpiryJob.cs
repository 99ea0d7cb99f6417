using InventoryRules.Api.Decisions;

namespace InventoryRules.Api.Jobs;

/// <summary>Recurring: soft reservations past their TTL become expired and their units leave committed.</summary>
public sealed class ReservationExpiryJob(ReservationSweeper sweeper) : IInventoryJob
{
    public string Name => "reservation-expiry";

    public string Title => "Expiry of soft reservations";

    public JobKind Kind => JobKind.Recurring;

    public string? DefaultSchedule => "*/10 * * * * *";

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        // Each batch's flips are conditional on the status, so a sweep killed half-way and run again gives
        // back only what the first did not.
        var expired = await sweeper.SweepAsync(ct);
        run.Count("expired", expired);
        if (expired > 0) run.Note($"{expired} soft reservations expired; their units are available again");
        await run.ProgressAsync(expired, expired, ct);
    }
}
