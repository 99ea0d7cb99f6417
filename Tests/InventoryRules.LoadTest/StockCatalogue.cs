namespace InventoryRules.LoadTest;

/// <summary>
/// What the service holds, read once before the run: the countries its nodes are in, where those nodes
/// stand, and per country the SKUs with sellable stock there. Orders are drawn from it so that most of
/// them can be allocated, as in real traffic.
/// </summary>
sealed class StockCatalogue
{
    /// <summary>Country centres, for a country none of whose nodes has coordinates.</summary>
    static readonly Dictionary<string, NodePlace> Centres = new(StringComparer.Ordinal)
    {
        ["DE"] = new("centre", 51.1657, 10.4515),
        ["CH"] = new("centre", 46.8182, 8.2275),
        ["AT"] = new("centre", 47.5162, 14.5501),
    };

    StockCatalogue(string[] countries, double[] countryWeights, Dictionary<string, NodePlace[]> places,
        Dictionary<string, string[]> skusByCountry, string[] allSkus)
    {
        Countries = countries;
        CountryWeights = countryWeights;
        Places = places;
        SkusByCountry = skusByCountry;
        AllSkus = allSkus;
    }

    /// <summary>Ship-to countries, with the share of orders each gets (same order).</summary>
    public IReadOnlyList<string> Countries { get; }
    public IReadOnlyList<double> CountryWeights { get; }
    public IReadOnlyDictionary<string, NodePlace[]> Places { get; }
    public IReadOnlyDictionary<string, string[]> SkusByCountry { get; }
    public IReadOnlyList<string> AllSkus { get; }

    public int NodeCount { get; private init; }
    public long PositionCount { get; private init; }
    public long StockedPositionCount { get; private init; }
    /// <summary>Positions with committed > onHand before the run: the oversell check compares against it.</summary>
    public long OversoldBefore { get; private init; }

    /// <summary>SKUs to order for a ship-to country: those stocked in the country, else any stocked SKU.</summary>
    public IReadOnlyList<string> SkusFor(string country) =>
        SkusByCountry.TryGetValue(country, out var skus) && skus.Length > 0 ? skus : AllSkus;

    public static async Task<StockCatalogue> DiscoverAsync(ServiceClient service, CancellationToken ct)
    {
        var nodes = await service.GetJsonAsync("/v1/nodes", LoadJson.Default.ListNodeRow, ct);
        var countryOf = nodes.Where(n => !string.IsNullOrEmpty(n.Country)).ToDictionary(n => n.Code, n => n.Country!, StringComparer.Ordinal);

        var stocked = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var all = new HashSet<string>(StringComparer.Ordinal);
        long positions = 0, stockedPositions = 0, oversold = 0;
        await foreach (var p in PositionPager.AllAsync(service, ct))
        {
            positions++;
            if (p.Committed > p.OnHand) oversold++;
            // Sellable now: what a decision could allocate (held stock and quarantined positions are off limits).
            if (p.PositionQuarantined || p.OnHand - p.Committed - p.Held <= 0) continue;
            stockedPositions++;
            all.Add(p.Sku);
            if (countryOf.TryGetValue(p.Node, out var country))
            {
                if (!stocked.TryGetValue(country, out var set)) stocked[country] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(p.Sku);
            }
        }
        if (all.Count == 0)
        {
            throw new ServiceException($"no SKU has sellable stock ({positions} positions, {nodes.Count} nodes): seed the samples first (Samples:Seed=true)");
        }

        var places = nodes
            .Where(n => n.Country is not null && n.Latitude is not null && n.Longitude is not null)
            .GroupBy(n => n.Country!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(n => new NodePlace(n.Code, n.Latitude!.Value, n.Longitude!.Value)).ToArray(), StringComparer.Ordinal);
        var countries = countryOf.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        foreach (var c in countries)
        {
            if (!places.ContainsKey(c)) places[c] = [Centres.TryGetValue(c, out var centre) ? centre : new NodePlace("centre", 50.0, 10.0)];
        }
        if (countries.Length == 0) throw new ServiceException("no node has a country: nothing to ship to");

        return new StockCatalogue(countries, Weights(countries), places,
            stocked.ToDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal),
            all.Order(StringComparer.Ordinal).ToArray())
        {
            NodeCount = nodes.Count,
            PositionCount = positions,
            StockedPositionCount = stockedPositions,
            OversoldBefore = oversold,
        };
    }

    /// <summary>Mostly domestic German orders, the rest (cross-border, e.g. CH) shared evenly.</summary>
    static double[] Weights(string[] countries)
    {
        var de = Array.IndexOf(countries, "DE");
        if (de < 0 || countries.Length == 1) return countries.Select(_ => 1.0 / countries.Length).ToArray();
        const double domestic = 0.85;
        return countries.Select((_, i) => i == de ? domestic : (1 - domestic) / (countries.Length - 1)).ToArray();
    }
}
