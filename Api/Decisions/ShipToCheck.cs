using InventoryRules.Engine;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// The ship-to of an order, availability question or demand: an ISO country and, optionally, a point.
/// Coordinates drive distance, transit days and promise dates, so a point off the globe (latitude 152)
/// or half a point (which the engine would silently replace by the country's centre) is refused.
/// </summary>
public static class ShipToCheck
{
    public static void Check(OrderRequestBody.ShipToBody? shipTo, string prefix, List<FieldError> errors)
    {
        var at = $"{prefix}shipTo";
        if (string.IsNullOrWhiteSpace(shipTo?.Country))
        {
            errors.Add(new($"{at}.country", ErrorCodes.MissingField, "name the country the order ships to (shipTo.country)"));
        }
        else if (!IsoCountries.IsKnown(shipTo.Country))
        {
            errors.Add(new($"{at}.country", ErrorCodes.InvalidValue,
                $"'{shipTo.Country}' is not an ISO 3166-1 alpha-2 country code; use two uppercase letters, e.g. DE or CH"));
        }
        if (shipTo is null) return;
        if (shipTo.Latitude is { } lat && lat is not (>= -90 and <= 90))
        {
            errors.Add(new($"{at}.latitude", ErrorCodes.InvalidValue, $"latitude is -90 to 90 degrees; got {lat}"));
        }
        if (shipTo.Longitude is { } lon && lon is not (>= -180 and <= 180))
        {
            errors.Add(new($"{at}.longitude", ErrorCodes.InvalidValue, $"longitude is -180 to 180 degrees; got {lon}"));
        }
        if (shipTo.Latitude is null != shipTo.Longitude is null)
        {
            var missing = shipTo.Latitude is null ? "latitude" : "longitude";
            errors.Add(new($"{at}.{missing}", ErrorCodes.InvalidValue,
                "send latitude and longitude together, or neither (then the country's centre stands in)"));
        }
    }
}
