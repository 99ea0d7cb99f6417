using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Stock;

/// <summary>
/// Demand statistics of every position (or of some skus) from the event store in one aggregate query:
/// units out per position and day over the last 28 days, folded as decisions fold them (<see cref="DailyDemand"/>).
/// One query per run, not one per sku: at a million positions a query per sku would cost minutes.
/// </summary>
internal static class DemandHistory
{
    public static async Task<Dictionary<(string Sku, string Node), DemandStats>> LoadAsync(Database db, DateTimeOffset now, string[]? skus,
        CancellationToken ct)
    {
        var micros = Instants.ToMicros(now);
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, DailyDemand.OutboundByDay,
            skus is null ? "" : " AND " + SqlLists.AnyOf(db.IsPostgres, "sku", "skus"));
        var daily = new Dictionary<(string, string), double[]>();
        await using (var conn = await db.OpenAsync(ct))
        await using (var reader = await conn.ExecuteReaderAsync(new CommandDefinition(sql,
            new { now = micros, from = micros - DailyDemand.UsualDays * DailyDemand.MicrosPerDay, skus }, commandTimeout: 600, cancellationToken: ct)))
        {
            while (await reader.ReadAsync(ct))
            {
                var daysAgo = reader.GetInt64(2);
                if (daysAgo is < 0 or >= DailyDemand.UsualDays) continue;
                var key = (reader.GetString(0), reader.GetString(1));
                if (!daily.TryGetValue(key, out var days)) daily[key] = days = new double[DailyDemand.UsualDays];
                days[daysAgo] += reader.GetInt64(3);
            }
        }
        var stats = new Dictionary<(string Sku, string Node), DemandStats>(daily.Count);
        foreach (var (key, days) in daily) stats[key] = DailyDemand.Stats(days);
        return stats;
    }
}
