using InventoryRules.Engine;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Samples;

/// <summary>
/// A deterministic stream of OMS orders over the sample catalogue: the history an analyst replays in an
/// experiment. Segments, ship-tos and basket sizes are mixed the way a grocery and general-merchandise
/// retailer in Germany and Switzerland sees them; fast movers are ordered most; VIP baskets are larger,
/// so some lines come up short and exercise backorders and substitutions.
/// </summary>
public static class SampleOrders
{
    sealed record Destination(string Country, string PostalCode, double Latitude, double Longitude);

    static readonly Destination[] Germany =
    [
        new("DE", "20095", 53.55, 9.99), new("DE", "10115", 52.53, 13.38), new("DE", "80331", 48.14, 11.57),
        new("DE", "50667", 50.94, 6.96), new("DE", "60311", 50.11, 8.68), new("DE", "70173", 48.78, 9.18),
        new("DE", "04109", 51.34, 12.37), new("DE", "01067", 51.05, 13.74), new("DE", "28195", 53.08, 8.80),
        new("DE", "90402", 49.45, 11.08),
    ];

    static readonly Destination[] Switzerland =
    [
        new("CH", "8001", 47.37, 8.54), new("CH", "4051", 47.56, 7.59), new("CH", "3011", 46.95, 7.45), new("CH", "1201", 46.20, 6.14),
    ];

    // Share of orders per segment; the rest of the network's segments take no OMS orders in the samples.
    static readonly (string Segment, double Share)[] Mix =
        [("ecommerce", 0.40), ("vip", 0.20), ("retail", 0.15), ("international", 0.15), ("cold_chain", 0.10)];

    /// <param name="segments">The segments that have a rule set in force; orders of others are not generated.</param>
    public static IReadOnlyList<DecisionRequest> Generate(int seed, IReadOnlyList<Item> items, IReadOnlySet<string> segments, int count,
        DateTimeOffset now)
    {
        var random = new Random(seed);
        var mix = Mix.Where(m => segments.Contains(m.Segment)).ToArray();
        if (mix.Length == 0 || items.Count == 0) return [];
        var coldChain = items.Where(i => i.ColdChain || i.Perishable).ToArray();
        var weighted = items.SelectMany(i => Enumerable.Repeat(i, i.VelocityClass switch { VelocityClass.A => 6, VelocityClass.B => 3, _ => 1 })).ToArray();
        var orders = new List<DecisionRequest>(count);
        for (var n = 1; n <= count; n++)
        {
            var segment = Pick(random, mix);
            var pool = segment == "cold_chain" && coldChain.Length > 0 ? coldChain : weighted;
            var lineCount = segment == "vip" ? random.Next(1, 5) : random.Next(1, 4);
            var skus = new HashSet<string>(StringComparer.Ordinal);
            var lines = new List<OrderLine>();
            while (lines.Count < lineCount && skus.Count < pool.Length)
            {
                var item = pool[random.Next(pool.Length)];
                if (!skus.Add(item.Sku.Value)) continue;
                var quantity = segment == "vip" && random.NextDouble() < 0.3 ? random.Next(8, 40) : random.Next(1, 5);
                lines.Add(new OrderLine((lines.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), item.Sku.Value, quantity));
            }
            var to = segment == "international" ? Switzerland[random.Next(Switzerland.Length)] : Germany[random.Next(Germany.Length)];
            var customer = random.Next(1, 301);
            var tier = segment == "vip" ? (customer % 3 == 0 ? "platinum" : "gold") : "standard";
            DateTimeOffset? requested = random.NextDouble() < 0.5 ? now.Date.AddDays(random.Next(1, 6)) : null;
            orders.Add(new DecisionRequest($"SAMPLE-{n:D5}", segment, new CustomerRef($"C-{customer:D4}", tier, Strategic: customer % 17 == 0,
                ContractPriority: customer % 5), new ShipTo(to.Country, to.PostalCode, to.Latitude, to.Longitude), lines, requested));
        }
        return orders;
    }

    static string Pick(Random random, (string Segment, double Share)[] mix)
    {
        var roll = random.NextDouble() * mix.Sum(m => m.Share);
        foreach (var (segment, share) in mix)
        {
            roll -= share;
            if (roll < 0) return segment;
        }
        return mix[^1].Segment;
    }
}
