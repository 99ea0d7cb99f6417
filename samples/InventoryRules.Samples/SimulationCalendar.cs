namespace InventoryRules.Samples;

/// <summary>
/// The simulated days: <c>days</c> whole days ending with the day that contains the instant just before
/// <c>historyEnd</c> (so a midnight end gives full days and an afternoon end a partial last day), and
/// a one-week promotion peak two thirds of the way through.
/// </summary>
internal sealed class SimulationCalendar
{
    public const int PeakLength = 7;

    /// <summary>Days past the end that forecasts look ahead; weekdays are cached that far.</summary>
    public const int Lookahead = 70;

    readonly DateOnly firstDay;
    readonly DayOfWeek[] weekdays;
    readonly DateTimeOffset[] localMidnights;

    public SimulationCalendar(DateTimeOffset historyEnd, int days)
    {
        End = historyEnd.ToUniversalTime();
        var lastDay = DateOnly.FromDateTime(End.AddTicks(-1).UtcDateTime);
        firstDay = lastDay.AddDays(1 - days);
        Days = days;
        Start = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        PeakStart = days >= 3 * PeakLength ? days * 2 / 3 : -1;
        weekdays = [.. Enumerable.Range(0, days + Lookahead).Select(d => firstDay.AddDays(d).DayOfWeek)];
        localMidnights = [.. Enumerable.Range(0, days + Lookahead).Select(d => CentralEuropeanTime.ToUtc(firstDay.AddDays(d), 0))];
    }

    public int Days { get; }
    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }

    /// <summary>Index of the first peak day (60 for 90 days), or -1 when the history is too short for one.</summary>
    public int PeakStart { get; }

    public DateOnly Date(int day) => firstDay.AddDays(day);

    public DayOfWeek Weekday(int day) => day < weekdays.Length ? weekdays[day] : Date(day).DayOfWeek;

    public bool InPeak(int day) => PeakStart >= 0 && day >= PeakStart && day < PeakStart + PeakLength;

    /// <summary>The UTC instant of a local time on <paramref name="day"/>.</summary>
    public DateTimeOffset Local(int day, int localSeconds) => day < localMidnights.Length
        ? localMidnights[day].AddTicks(localSeconds * TimeSpan.TicksPerSecond)
        : CentralEuropeanTime.ToUtc(Date(day), localSeconds);

    public DateTimeOffset LocalMidnightUtc(int day) => new(Date(day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
