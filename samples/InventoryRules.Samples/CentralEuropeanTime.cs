namespace InventoryRules.Samples;

/// <summary>
/// Local wall-clock time in Europe/Berlin and Europe/Zurich (same rules) to UTC. Computed rather than
/// read from the machine's tz database so that output never depends on where it runs.
/// </summary>
internal static class CentralEuropeanTime
{
    /// <summary>Valid for local times from 03:00, after any daylight-saving switch of the day.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, int localSeconds)
    {
        var offsetHours = IsSummer(date) ? 2 : 1;
        var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return midnight.AddSeconds(localSeconds - (offsetHours * 3600));
    }

    // EU rule: summer time from the last Sunday of March to the last Sunday of October.
    static bool IsSummer(DateOnly date) => date >= LastSunday(date.Year, 3) && date < LastSunday(date.Year, 10);

    static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
