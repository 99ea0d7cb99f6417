using System.Runtime.CompilerServices;
using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// The simulated world: true sellable stock and inbound supply per (site, item), the assortment and
/// demand rates, what is due on future days, and the event log. Every phase reads and changes it in a
/// fixed order, drawing from one seeded <see cref="System.Random"/>.
/// </summary>
internal sealed class SimulationState
{
    // Relative demand by weekday (Sunday first). Stores peak on Saturday and close on Sunday; online
    // orders placed over the weekend leave the DCs on Monday.
    static readonly double[] StoreWeek = [0, 0.85, 0.85, 0.9, 1.0, 1.2, 1.5];
    static readonly double[] StationStoreWeek = [0.9, 0.85, 0.85, 0.9, 1.0, 1.2, 1.5];
    static readonly double[] DarkStoreWeek = [1.25, 0.9, 0.9, 0.95, 1.0, 1.15, 1.3];
    static readonly double[] DcWeek = [0, 1.4, 1.1, 1.0, 1.0, 1.0, 0];
    static readonly double[] DcWeekWithSaturday = [0, 1.4, 1.1, 1.0, 1.0, 1.0, 0.8];
    static readonly double[] ThirdPartyWeek = [0, 1, 1, 1, 1, 1, 0];

    int asnCounter, transferCounter, orderCounter;

    // DayFactor per site and day of the history (plus lookahead), the innermost loop of every forecast.
    readonly double[][] factors;
    readonly double[][] cumulative;
    readonly double[][] baseline;

    public SimulationState(Random random, SimulationCalendar calendar, CatalogueItem[] items, IReadOnlyList<Site> sites)
    {
        Random = random;
        Calendar = calendar;
        Items = items;
        Sites = [.. sites];
        var (s, n) = (Sites.Length, items.Length);
        Stock = new int[s, n];
        Inbound = new int[s, n];
        Rate = new double[s, n];
        Downstream = new double[s, n];
        Supplier = new int[s, n];
        CountOffset = new int[s, n];
        Range = [.. Enumerable.Range(0, s).Select(_ => new List<int>())];
        Home = [.. Sites.Select(site => site.HomeDc is null ? -1 : SiteIndex(site.HomeDc))];
        cumulative = new double[s * n][];
        baseline = new double[s * n][];
        factors = [.. Sites.Select(site => Enumerable.Range(0, calendar.Days + SimulationCalendar.Lookahead).Select(d => DayFactor(site, calendar.Weekday(d))).ToArray())];
        Arrivals = [.. Enumerable.Range(0, calendar.Days + 1).Select(_ => new List<Arrival>())];
        Returns = [.. Enumerable.Range(0, calendar.Days + 1).Select(_ => new List<CustomerReturn>())];
    }

    public Random Random { get; }
    public SimulationCalendar Calendar { get; }
    public CatalogueItem[] Items { get; }
    public Site[] Sites { get; }
    public EventLog Log { get; } = new();

    /// <summary>Physical sellable eaches; the events are generated so that this never goes below zero.</summary>
    public int[,] Stock { get; }

    /// <summary>Eaches on open ASNs or transfers towards the site.</summary>
    public int[,] Inbound { get; }

    /// <summary>Mean units a site's own customers take on an average day (store sales, online orders, exports).</summary>
    public double[,] Rate { get; }

    /// <summary>For a DC: mean daily units its stores, dark stores and B2B customers draw from it.</summary>
    public double[,] Downstream { get; }

    /// <summary>For a store or dark store: the site index of the DC that replenishes the item.</summary>
    public int[,] Supplier { get; }

    /// <summary>Per site: the index of the DC that replenishes it, or -1 for DCs and the 3PL.</summary>
    public int[] Home { get; }

    /// <summary>Day (mod 28) of the monthly count of a store line.</summary>
    public int[,] CountOffset { get; }

    /// <summary>Items each site carries, in catalogue order.</summary>
    public List<int>[] Range { get; }

    public List<Arrival>[] Arrivals { get; }
    public List<CustomerReturn>[] Returns { get; }

    public int SiteIndex(string code) => Array.FindIndex(Sites, s => s.Code == code);

    public double Peak(int item, int day) => Calendar.InPeak(day) ? Items[item].PeakLift : 1;

    public static double DayFactor(Site site, DayOfWeek day) => (site.Type switch
    {
        NodeType.Store => site.OpenSunday ? StationStoreWeek : StoreWeek,
        NodeType.DarkStore => DarkStoreWeek,
        NodeType.ThirdPartyLogistics => site.ShipsSaturday ? DcWeekWithSaturday : ThirdPartyWeek,
        _ => site.ShipsSaturday ? DcWeekWithSaturday : DcWeek,
    })[(int)day];

    public static double WeekAverage(Site site) =>
        Enum.GetValues<DayOfWeek>().Sum(d => DayFactor(site, d)) / 7;

    /// <summary>Expected demand of a site's own customers on a day; the simulation draws actual demand around it.</summary>
    public double Forecast(int site, int item, int day)
    {
        var rate = Rate[site, item];
        if (rate == 0) return 0;
        var table = factors[site];
        var factor = day < table.Length ? table[day] : DayFactor(Sites[site], Calendar.Weekday(day));
        return rate * factor * Peak(item, day);
    }

    /// <summary>
    /// Running totals of each line's expected outflow, so that the demand over any span of days is one
    /// subtraction: the site's own customers, plus for a DC what its stores draw (pulled two days ahead
    /// of the peak, as stores build promotion stock). Call once the assortment is built.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void PrepareForecasts()
    {
        var length = factors[0].Length;
        for (var s = 0; s < Sites.Length; s++)
        {
            var table = factors[s];
            foreach (var i in Range[s])
            {
                // Forecast, unrolled: this runs for every line and day.
                var (rate, downstream, lift) = (Rate[s, i], Downstream[s, i], Items[i].PeakLift);
                var running = new double[length + 1];
                var usual = new double[length + 1];
                for (var day = 0; day < length; day++)
                {
                    var own = rate * table[day];
                    running[day + 1] = running[day] + (own * (Calendar.InPeak(day) ? lift : 1)) + (downstream * (Calendar.InPeak(day + 2) ? lift : 1));
                    usual[day + 1] = usual[day] + own + downstream;
                }
                cumulative[(s * Items.Length) + i] = running;
                baseline[(s * Items.Length) + i] = usual;
            }
        }
    }

    /// <summary>Expected outflow of a line over the days <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    public double ExpectedOutflow(int site, int item, int from, int to) => Between(cumulative, site, item, from, to);

    /// <summary>As <see cref="ExpectedOutflow"/>, as if there were no promotion peak.</summary>
    public double UsualOutflow(int site, int item, int from, int to) => Between(baseline, site, item, from, to);

    double Between(double[][] totals, int site, int item, int from, int to)
    {
        var running = totals[(site * Items.Length) + item];
        var last = running.Length - 1;
        return running[Math.Min(to + 1, last)] - running[Math.Min(from, last)];
    }

    /// <summary>A random instant in a local window, or false when it falls after the end of history.</summary>
    public bool TryAt(int day, Window window, out DateTimeOffset at)
    {
        at = Calendar.Local(day, (window.FromMinute * 60) + Random.Next(window.Seconds));
        return at <= Calendar.End;
    }

    public void Emit(DateTimeOffset at, string source, EventType type, int site, int item, int quantity, string uom, EventInput? details = null) =>
        Log.Add(at, source, type.Name(), Items[item].Sku, Sites[site].Code, quantity, uom, details);

    /// <summary>Whole cases where the eaches make whole cases, else eaches.</summary>
    public (int Quantity, string Uom) InCases(int item, int eaches)
    {
        var pack = Items[item].Case;
        return eaches % pack == 0 ? (eaches / pack, "case") : (eaches, Item.Each);
    }

    public string NextAsn() => $"ASN-{++asnCounter:D6}";
    public string NextTransfer() => $"TR-{++transferCounter:D6}";
    public string NextOrder() => $"SO-B2B-{++orderCounter:D6}";

    public bool InHistory(int day) => day < Calendar.Days;
}
