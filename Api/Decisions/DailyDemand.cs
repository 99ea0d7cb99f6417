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
    /// Units out per (sku, node) and whole day back from @now, over (@from, @now]; <c>{0}</c> takes a further
    /// condition (" AND sku = ANY(...)") or nothing. The one query decisions and the re-evaluation read demand with.
    /// Outbound movements only: sales, shipments, transfers out and negative adjustments move stock out of the
    /// door; counts and status changes do not (they correct or reclassify it).
    /// </summary>
    public const string OutboundByDay = """
        SELECT sku AS Sku, node AS Node, CAST((@now - occurred_at) / 86400000000 AS BIGINT) AS DaysAgo, CAST(SUM(-d_on_hand) AS BIGINT) AS Units
        FROM events
        WHERE authoritative = TRUE AND d_on_hand < 0 AND type <> 'cycle_count' AND type <> 'status_change'
          AND occurred_at > @from AND occurred_at <= @now{0}
        GROUP BY 1, 2, 3
        """;

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
