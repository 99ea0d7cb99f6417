using System.Globalization;
using InventoryRules.Engine;

namespace InventoryRules.Api.MasterData;

/// <summary>Validates wire nodes and maps them to and from the domain.</summary>
public static class NodeMapping
{
    public static IReadOnlyList<string> KnownCapabilities { get; } = ["ship_from_store", "cross_dock", "cold_chain"];

    static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static Node? ToDomain(NodeDto d, string at, List<FieldError> errors)
    {
        var before = errors.Count;
        Check.Code(d.Code, $"{at}.code", errors);
        Check.Text(d.Name, $"{at}.name", errors, required: false);
        if (!NodeTypeNames.TryParse(d.Type, out var type))
        {
            errors.Add(new($"{at}.type", d.Type is null ? ErrorCodes.MissingField : ErrorCodes.InvalidValue,
                $"type must be one of {string.Join(", ", NodeTypeNames.All)}"));
        }
        if (d.Country is null || d.Country.Length != 2 || !d.Country.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new($"{at}.country", d.Country is null ? ErrorCodes.MissingField : ErrorCodes.InvalidValue,
                "country is an ISO 3166 two-letter code in capitals, e.g. DE"));
        }
        if (d.Latitude is < -90 or > 90) errors.Add(new($"{at}.latitude", ErrorCodes.InvalidValue, "latitude is between -90 and 90"));
        if (d.Longitude is < -180 or > 180) errors.Add(new($"{at}.longitude", ErrorCodes.InvalidValue, "longitude is between -180 and 180"));
        var capabilities = d.Capabilities ?? [];
        for (var i = 0; i < capabilities.Length; i++)
        {
            if (!KnownCapabilities.Contains(capabilities[i]))
            {
                errors.Add(new($"{at}.capabilities[{i}]", ErrorCodes.InvalidValue,
                    $"'{capabilities[i]}' is not a capability; expected {string.Join(", ", KnownCapabilities)}"));
            }
        }
        if (d.DailyOrderCapacity < 0) errors.Add(new($"{at}.dailyOrderCapacity", ErrorCodes.InvalidValue, "dailyOrderCapacity cannot be negative"));
        if (d.CostPerOrder < 0) errors.Add(new($"{at}.costPerOrder", ErrorCodes.InvalidValue, "costPerOrder cannot be negative"));
        if (d.CostPerUnit < 0) errors.Add(new($"{at}.costPerUnit", ErrorCodes.InvalidValue, "costPerUnit cannot be negative"));
        var cutoffs = Cutoffs(d.Cutoffs ?? [], at, errors);
        var sources = new Dictionary<EventType, string>();
        foreach (var (typeName, source) in d.AuthoritativeSources ?? [])
        {
            if (!EventTypeNames.TryParse(typeName, out var eventType))
            {
                errors.Add(new($"{at}.authoritativeSources.{typeName}", ErrorCodes.UnknownEventType, $"'{typeName}' is not an event type"));
            }
            else if (string.IsNullOrWhiteSpace(source))
            {
                errors.Add(new($"{at}.authoritativeSources.{typeName}", ErrorCodes.MissingField, "name the authoritative source"));
            }
            else
            {
                sources[eventType] = source;
            }
        }
        if (errors.Count > before) return null;
        return new Node(new NodeId(d.Code!), d.Name ?? d.Code!, type, d.Country!, d.Region, d.Latitude, d.Longitude, d.DutyPaid,
            capabilities.Distinct().ToArray(), d.DailyOrderCapacity, d.CostPerOrder, d.CostPerUnit, cutoffs, sources);
    }

    public static NodeDto ToDto(Node n) => new()
    {
        Code = n.Code.Value,
        Name = n.Name,
        Type = n.Type.Name(),
        Country = n.Country,
        Region = n.Region,
        Latitude = n.Latitude,
        Longitude = n.Longitude,
        DutyPaid = n.DutyPaid,
        Capabilities = [.. n.Capabilities],
        DailyOrderCapacity = n.DailyOrderCapacity,
        CostPerOrder = n.CostPerOrder,
        CostPerUnit = n.CostPerUnit,
        Cutoffs = [.. n.Cutoffs.Select(c => new CutoffDto
        {
            Carrier = c.Carrier,
            Days = [.. c.Days.Select(day => DayNames[(int)day])],
            Time = c.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
            TimeZone = c.TimeZone,
        })],
        AuthoritativeSources = n.AuthoritativeSources.ToDictionary(p => p.Key.Name(), p => p.Value),
    };

    static List<CarrierCutoff> Cutoffs(CutoffDto[] cutoffs, string at, List<FieldError> errors)
    {
        var result = new List<CarrierCutoff>();
        for (var i = 0; i < cutoffs.Length; i++)
        {
            var c = cutoffs[i];
            var here = $"{at}.cutoffs[{i}]";
            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(c.Carrier)) errors.Add(new($"{here}.carrier", ErrorCodes.MissingField, "carrier is required"));
            var days = new List<DayOfWeek>();
            foreach (var day in c.Days ?? [])
            {
                var index = Array.IndexOf(DayNames, day);
                if (index < 0) errors.Add(new($"{here}.days", ErrorCodes.InvalidValue, $"'{day}' is not a day; use mon, tue, wed, thu, fri, sat, sun"));
                else days.Add((DayOfWeek)index);
            }
            if (!TimeOnly.TryParseExact(c.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                errors.Add(new($"{here}.time", ErrorCodes.InvalidValue, "time is HH:mm, e.g. 16:00"));
            }
            if (c.TimeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(c.TimeZone, out _))
            {
                errors.Add(new($"{here}.timeZone", ErrorCodes.InvalidValue, $"'{c.TimeZone}' is not a known IANA time zone, e.g. Europe/Berlin"));
            }
            if (errors.Count == before) result.Add(new CarrierCutoff(c.Carrier!, days, time, c.TimeZone!));
        }
        return result;
    }
}
