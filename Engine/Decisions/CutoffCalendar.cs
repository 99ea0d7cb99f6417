using System.Collections.Concurrent;

namespace InventoryRules.Engine.Decisions;

/// <summary>
/// When a node can hand goods to a carrier: the next carrier cut-off at or after a given instant, in
/// the node's own time zone. A node without a cut-off schedule ships the same day. Time-zone
/// conversions are the expensive part, so one calendar per decision remembers the local date of each
/// zone it has seen and the zone's offset on each local date.
/// </summary>
public sealed class CutoffCalendar
{
    static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    readonly Dictionary<(string Zone, DateTimeOffset Instant), DateTime> localTimes = [];
    readonly Dictionary<(string Zone, DateOnly Date), TimeSpan> offsets = [];

    /// <summary>The next departure at or after <paramref name="ready"/>, looking at most a week ahead.</summary>
    public DateTimeOffset NextDeparture(Node node, DateTimeOffset ready)
    {
        if (node.Cutoffs.Count == 0) return ready;
        DateTimeOffset? best = null;
        foreach (var cutoff in node.Cutoffs)
        {
            var local = Local(cutoff.TimeZone, ready);
            var today = DateOnly.FromDateTime(local);
            for (var day = 0; day < 8; day++)
            {
                var date = today.AddDays(day);
                if (!Runs(cutoff, date.DayOfWeek)) continue;
                var at = new DateTimeOffset(date.ToDateTime(cutoff.Time), Offset(cutoff.TimeZone, date));
                if (at < ready) continue;
                if (best is null || at < best) best = at;
                break;
            }
        }
        return best ?? ready;
    }

    /// <summary>Does goods ready at <paramref name="now"/> still make a departure on the node's local today?</summary>
    public bool MakesTodaysCutoff(Node node, DateTimeOffset now, DateTimeOffset departure)
    {
        if (node.Cutoffs.Count == 0) return true;
        var zone = node.Cutoffs[0].TimeZone;
        return DateOnly.FromDateTime(Local(zone, departure)) == DateOnly.FromDateTime(Local(zone, now));
    }

    public static TimeZoneInfo Zone(string id) =>
        Zones.GetOrAdd(id, z => TimeZoneInfo.TryFindSystemTimeZoneById(z, out var found) ? found : TimeZoneInfo.Utc);

    static bool Runs(CarrierCutoff cutoff, DayOfWeek day)
    {
        for (var i = 0; i < cutoff.Days.Count; i++)
        {
            if (cutoff.Days[i] == day) return true;
        }
        return false;
    }

    DateTime Local(string zone, DateTimeOffset instant)
    {
        if (!localTimes.TryGetValue((zone, instant), out var local))
        {
            local = TimeZoneInfo.ConvertTime(instant, Zone(zone)).DateTime;
            localTimes[(zone, instant)] = local;
        }
        return local;
    }

    TimeSpan Offset(string zone, DateOnly date)
    {
        if (!offsets.TryGetValue((zone, date), out var offset))
        {
            // The offset at local noon stands for the day: cut-offs are not set inside a DST switch hour.
            offset = Zone(zone).GetUtcOffset(date.ToDateTime(new TimeOnly(12, 0)));
            offsets[(zone, date)] = offset;
        }
        return offset;
    }
}
