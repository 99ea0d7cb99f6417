namespace InventoryRules.Engine.Decisions;

/// <summary>
/// Distances for routing and transit days. Great-circle distance is what the rules weigh; a ship-to
/// without coordinates is placed at its country's centre, which is rough but never favours a far node.
/// </summary>
public static class Geo
{
    const double EarthRadiusKm = 6371.0;

    /// <summary>Approximate population centres of the countries the network serves; others fall back to none.</summary>
    static readonly Dictionary<string, (double Lat, double Lon)> CountryCentres = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DE"] = (50.9, 9.9), ["CH"] = (47.0, 8.2), ["AT"] = (47.8, 14.0), ["FR"] = (47.0, 2.4), ["NL"] = (52.2, 5.3),
        ["BE"] = (50.7, 4.5), ["LU"] = (49.8, 6.1), ["DK"] = (55.9, 10.0), ["PL"] = (52.0, 19.4), ["CZ"] = (49.8, 15.5),
        ["IT"] = (43.0, 12.5), ["ES"] = (40.2, -3.7), ["GB"] = (52.8, -1.6), ["NO"] = (60.5, 9.0), ["SE"] = (59.5, 16.0),
    };

    public static (double Lat, double Lon)? Locate(ShipTo shipTo) =>
        shipTo is { Latitude: { } lat, Longitude: { } lon } ? (lat, lon)
        : CountryCentres.TryGetValue(shipTo.Country, out var centre) ? centre : null;

    /// <summary>Kilometres between a node and a ship-to; 0 when either has no position (unknown, not far).</summary>
    public static double DistanceKm(Node node, (double Lat, double Lon)? to) =>
        node is { Latitude: { } lat, Longitude: { } lon } && to is { } t ? Haversine(lat, lon, t.Lat, t.Lon) : 0;

    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// Parcel transit days: one day within 500 km, a day more per further 500 km, and a day for customs
    /// when the border is crossed. A carrier table per lane would replace this model.
    /// </summary>
    public static int TransitDays(double distanceKm, bool crossesBorder) =>
        1 + (int)(distanceKm / 500) + (crossesBorder ? 1 : 0);
}
