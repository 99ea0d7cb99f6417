namespace InventoryRules.Api.Decisions;

/// <summary>Where "today" starts in the network's time zone (found with <see cref="Engine.Decisions.CutoffCalendar.Zone"/>), for daily node capacity.</summary>
public static class NetworkZone
{
    public static DateTimeOffset StartOfDay(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
