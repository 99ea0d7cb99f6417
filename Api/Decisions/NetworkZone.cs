namespace InventoryRules.Api.Decisions;

/// <summary>The network's time zone: where "today" starts for daily node capacity.</summary>
public static class NetworkZone
{
    public static TimeZoneInfo Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without time zone data: UTC keeps the service up; the day boundary shifts by the offset.
            return TimeZoneInfo.Utc;
        }
    }

    public static DateTimeOffset StartOfDay(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
