using System.Globalization;

namespace InventoryRules.LoadTest;

/// <summary>
/// One client's source of orders and availability questions: its own Random (seeded from --seed and
/// the client's index, so a run can be repeated) and its own order counter, so clients share nothing.
/// </summary>
sealed class OrderGenerator
{
    /// <summary>Mostly standard customers, as in real traffic; the sample rule sets treat the others differently.</summary>
    static readonly (string Tier, double Share)[] Tiers = [("standard", 0.70), ("silver", 0.15), ("gold", 0.10), ("platinum", 0.05)];

    readonly StockCatalogue stock;
    readonly string segment;
    readonly LineRange lines;
    readonly string orderPrefix;
    long sequence;

    public OrderGenerator(StockCatalogue stock, LoadOptions options, string runId, int client)
    {
        this.stock = stock;
        segment = options.Segment;
        lines = options.Lines;
        orderPrefix = string.Create(CultureInfo.InvariantCulture, $"{runId}-{client:D3}-");
        Random = new Random(unchecked(options.Seed + client * 104_729));
    }

    /// <summary>Also drives the release-or-confirm choice after an order.</summary>
    public Random Random { get; }

    /// <summary>A new order with a run-unique id; <paramref name="units"/> is its total quantity in eaches.</summary>
    public SourceRequest NextOrder(out string orderId, out int units)
    {
        orderId = orderPrefix + (++sequence).ToString(CultureInfo.InvariantCulture);
        var shipTo = NextShipTo();
        var picked = PickLines(shipTo.Country);
        var orderLines = new SourceLine[picked.Length];
        units = 0;
        for (var i = 0; i < picked.Length; i++)
        {
            orderLines[i] = new SourceLine((i + 1).ToString(CultureInfo.InvariantCulture), picked[i].Sku, picked[i].Quantity, "each");
            units += picked[i].Quantity;
        }
        var customer = new Customer("LT-C" + Random.Next(1, 5001).ToString("D5", CultureInfo.InvariantCulture), NextTier());
        return new SourceRequest(segment, customer, shipTo, orderLines);
    }

    public AvailabilityRequest NextQuestion()
    {
        var shipTo = NextShipTo();
        var picked = PickLines(shipTo.Country);
        return new AvailabilityRequest(segment, shipTo, picked.Select(p => new AvailabilityLine(p.Sku, p.Quantity, "each")).ToArray());
    }

    ShipTo NextShipTo()
    {
        var country = Pick(stock.Countries, stock.CountryWeights);
        var places = stock.Places[country];
        var near = places[Random.Next(places.Length)];
        // Within about 15 km of the node: close enough that distance rules see a local customer.
        var latitude = Math.Round(near.Latitude + (Random.NextDouble() - 0.5) * 0.25, 5);
        var longitude = Math.Round(near.Longitude + (Random.NextDouble() - 0.5) * 0.35, 5);
        // Postal codes are shaped like the country's (four digits in CH and AT, five elsewhere); the
        // service may parse but cannot geocode them, the coordinates carry the location.
        var postal = country is "CH" or "AT"
            ? Random.Next(1000, 10000).ToString(CultureInfo.InvariantCulture)
            : Random.Next(1067, 99999).ToString("D5", CultureInfo.InvariantCulture);
        return new ShipTo(country, postal, latitude, longitude);
    }

    /// <summary>Distinct SKUs with stock for the country, 1 to 3 eaches each: small against typical stock, so it lasts the run.</summary>
    (string Sku, int Quantity)[] PickLines(string country)
    {
        var skus = stock.SkusFor(country);
        var count = Math.Min(lines.Next(Random), skus.Count);
        var picked = new (string, int)[count];
        for (var i = 0; i < count; i++)
        {
            string sku;
            do sku = skus[Random.Next(skus.Count)];
            while (Contains(picked, i, sku));
            picked[i] = (sku, Random.Next(1, 4));
        }
        return picked;
    }

    static bool Contains((string Sku, int)[] picked, int filled, string sku)
    {
        for (var i = 0; i < filled; i++)
        {
            if (picked[i].Sku == sku) return true;
        }
        return false;
    }

    string NextTier()
    {
        var roll = Random.NextDouble();
        foreach (var (tier, share) in Tiers)
        {
            if ((roll -= share) < 0) return tier;
        }
        return Tiers[0].Tier;
    }

    T Pick<T>(IReadOnlyList<T> items, IReadOnlyList<double> weights)
    {
        var roll = Random.NextDouble();
        for (var i = 0; i < items.Count; i++)
        {
            if ((roll -= weights[i]) < 0) return items[i];
        }
        return items[^1];
    }
}
