using System.Collections.Concurrent;

namespace InventoryRules.Engine.Decisions;

/// <summary>
/// When a node can hand goods to a carrier: the next carrier cut-off at or after a given instant, in
/// the node's own time zone. A node without a cut-off schedule ships the same day.
/// </summary>
public static class CutoffCalendar
{
    static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    /// <summary>The next departure at or after <paramref name="ready"/>, looking at most a week ahead.</summary>
    public static DateTimeOffset NextDeparture(Node node, DateTimeOffset ready)
    {
        if (node.Cutoffs.Count == 0) return ready;
        DateTimeOffset? best = null;
        foreach (var cutoff in node.Cutoffs)
        {
            var zone = Zone(cutoff.TimeZone);
            var local = TimeZoneInfo.ConvertTime(ready, zone);
            for (var day = 0; day < 8; day++)
            {
                var date = DateOnly.FromDateTime(local.DateTime).AddDays(day);
                if (!cutoff.Days.Contains(date.DayOfWeek)) continue;
                var wall = date.ToDateTime(cutoff.Time);
                var at = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
                if (at < ready) continue;
                if (best is null || at < best) best = at;
                break;
            }
        }
        return best ?? ready;
    }

    /// <summary>Does an order placed at <paramref name="now"/> still make a departure on the node's local today?</summary>
    public static bool MakesTodaysCutoff(Node node, DateTimeOffset now)
    {
        if (node.Cutoffs.Count == 0) return true;
        var departure = NextDeparture(node, now);
        var zone = Zone(node.Cutoffs[0].TimeZone);
        return TimeZoneInfo.ConvertTime(departure, zone).Date == TimeZoneInfo.ConvertTime(now, zone).Date;
    }

    public static TimeZoneInfo Zone(string id) =>
        Zones.GetOrAdd(id, z => TimeZoneInfo.TryFindSystemTimeZoneById(z, out var found) ? found : TimeZoneInfo.Utc);
}
