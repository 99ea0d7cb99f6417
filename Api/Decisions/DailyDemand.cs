using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Demand statistics from units out per day, shared by decisions (<see cref="DemandStatsCache"/>) and the
/// stock re-evaluation job, so that both compute the same safety stock from the same events.
/// </summary>
public static class DailyDemand
{
    public const int RecentDays = 7;
    public const int UsualDays = 28;
    public const long MicrosPerDay = 86_400_000_000;

    /// <summary>
    /// Outbound movements only: sales, shipments, transfers out and negative adjustments move stock out of the
    /// door; counts and status changes do not (they correct or reclassify it).
    /// </summary>
    public const string OutboundFilter =
        "authoritative = TRUE AND d_on_hand < 0 AND type <> 'cycle_count' AND type <> 'status_change'";

    /// <param name="daily">Units out per day, index 0 the last 24 hours, <see cref="UsualDays"/> long.</param>
    public static DemandStats Stats(ReadOnlySpan<double> daily)
    {
        double sum = 0, recent = 0;
        for (var d = 0; d < UsualDays; d++)
        {
            sum += daily[d];
            if (d < RecentDays) recent += daily[d];
        }
        var usual = sum / UsualDays;
        double variance = 0;
        for (var d = 0; d < UsualDays; d++) variance += (daily[d] - usual) * (daily[d] - usual);
        return new DemandStats(recent / RecentDays, usual, Math.Sqrt(variance / UsualDays));
    }
}
