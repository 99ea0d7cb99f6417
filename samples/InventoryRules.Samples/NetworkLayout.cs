using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// The sample network: three DCs (Hamburg and Zurich with cold chain, Frankfurt ambient), two 3PL sites
/// (an e-commerce fulfilment centre near Leipzig and a bonded export warehouse in Basel, the only node
/// that is not duty-paid), 14 stores in Germany, 6 in Switzerland and two dark stores. Cold-chain lines
/// for sites served by Frankfurt come from Hamburg, the national fresh hub.
/// </summary>
internal static class NetworkLayout
{
    const string ShipFromStore = "ship_from_store";
    const string CrossDock = "cross_dock";
    const string ColdChain = "cold_chain";
    const string Berlin = "Europe/Berlin";
    const string Zurich = "Europe/Zurich";
    public const string FreshHub = "DC-HAMBURG";

    static readonly DayOfWeek[] MonFri = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    static readonly DayOfWeek[] MonSat = [.. MonFri, DayOfWeek.Saturday];
    static readonly DayOfWeek[] Daily = [.. MonSat, DayOfWeek.Sunday];

    public static IReadOnlyList<Site> Sites { get; } =
    [
        Dc("DC-HAMBURG", "Hamburg distribution centre", "DE", "DE-HH", 53.5511, 9.9937, true, 12000, 2.40m, 0.18m, false,
            [new("DHL", MonFri, new(17, 30), Berlin), new("DPD", MonFri, new(16, 0), Berlin)]),
        Dc("DC-FRANKFURT", "Frankfurt distribution centre", "DE", "DE-HE", 50.1109, 8.6821, false, 10000, 2.60m, 0.20m, true,
            [new("DHL", MonSat, new(17, 30), Berlin), new("DPD", MonFri, new(16, 0), Berlin)]),
        Dc("DC-ZURICH", "Zurich distribution centre", "CH", "CH-ZH", 47.3769, 8.5417, true, 6000, 3.10m, 0.26m, false,
            [new("Swiss Post", MonFri, new(17, 0), Zurich), new("DHL", MonFri, new(16, 0), Zurich)]),
        ThirdParty("3PL-LEIPZIG", "Leipzig e-commerce fulfilment 3PL", "DE", "DE-SN", 51.3960, 12.2210, true, 8000, 3.10m, 0.28m, true,
            [new("DHL", MonSat, new(19, 0), Berlin), new("Hermes", MonFri, new(17, 0), Berlin)]),
        ThirdParty("3PL-BASEL", "Basel bonded 3PL warehouse", "CH", "CH-BS", 47.5596, 7.5886, false, 2500, 4.50m, 0.35m, false,
            [new("DHL Express", MonFri, new(18, 0), Zurich)]),

        Store("ST-BERLIN-01", "Berlin Alexanderplatz store", "DE", "DE-BE", 52.5219, 13.4132, 1.5, true, "DC-HAMBURG"),
        Store("ST-BERLIN-02", "Berlin Charlottenburg store", "DE", "DE-BE", 52.5050, 13.3040, 1.0, true, "DC-HAMBURG"),
        Store("ST-HAMBURG-01", "Hamburg Moenckebergstrasse store", "DE", "DE-HH", 53.5503, 10.0006, 1.5, true, "DC-HAMBURG"),
        Store("ST-HAMBURG-02", "Hamburg Altona store", "DE", "DE-HH", 53.5520, 9.9356, 0.65, false, "DC-HAMBURG"),
        Store("ST-HANOVER-01", "Hanover Kroepcke store", "DE", "DE-NI", 52.3744, 9.7386, 1.0, false, "DC-HAMBURG"),
        Store("ST-LEIPZIG-01", "Leipzig city centre store", "DE", "DE-SN", 51.3397, 12.3731, 1.0, true, "DC-HAMBURG"),
        Store("ST-DRESDEN-01", "Dresden Altmarkt store", "DE", "DE-SN", 51.0504, 13.7373, 0.65, false, "DC-HAMBURG"),
        Store("ST-FRANKFURT-01", "Frankfurt Zeil store", "DE", "DE-HE", 50.1147, 8.6842, 1.5, true, "DC-FRANKFURT"),
        Store("ST-COLOGNE-01", "Cologne Schildergasse store", "DE", "DE-NW", 50.9365, 6.9536, 1.0, true, "DC-FRANKFURT"),
        Store("ST-DUSSELDORF-01", "Dusseldorf Koenigsallee store", "DE", "DE-NW", 51.2250, 6.7790, 1.0, false, "DC-FRANKFURT"),
        Store("ST-STUTTGART-01", "Stuttgart Koenigstrasse store", "DE", "DE-BW", 48.7784, 9.1800, 1.0, false, "DC-FRANKFURT"),
        Store("ST-MUNICH-01", "Munich Marienplatz store", "DE", "DE-BY", 48.1374, 11.5755, 1.5, true, "DC-FRANKFURT"),
        Store("ST-MUNICH-02", "Munich Schwabing store", "DE", "DE-BY", 48.1642, 11.5866, 0.65, false, "DC-FRANKFURT"),
        Store("ST-NUREMBERG-01", "Nuremberg Lorenzkirche store", "DE", "DE-BY", 49.4509, 11.0781, 0.65, false, "DC-FRANKFURT"),
        Store("ST-ZURICH-01", "Zurich Bahnhofstrasse store", "CH", "CH-ZH", 47.3717, 8.5390, 1.5, true, "DC-ZURICH"),
        Store("ST-ZURICH-02", "Zurich main station store", "CH", "CH-ZH", 47.3779, 8.5403, 1.0, false, "DC-ZURICH", openSunday: true),
        Store("ST-GENEVA-01", "Geneva Rue du Rhone store", "CH", "CH-GE", 46.2033, 6.1467, 1.0, true, "DC-ZURICH"),
        Store("ST-BASEL-01", "Basel Freie Strasse store", "CH", "CH-BS", 47.5580, 7.5890, 0.65, false, "DC-ZURICH"),
        Store("ST-BERN-01", "Bern Marktgasse store", "CH", "CH-BE", 46.9481, 7.4446, 1.0, true, "DC-ZURICH"),
        Store("ST-LAUSANNE-01", "Lausanne Flon store", "CH", "CH-VD", 46.5210, 6.6300, 0.65, false, "DC-ZURICH"),

        DarkStore("DS-BERLIN-01", "Berlin Kreuzberg dark store", "DE-BE", 52.4986, 13.4030, "DC-HAMBURG"),
        DarkStore("DS-MUNICH-01", "Munich Sendling dark store", "DE-BY", 48.1176, 11.5427, "DC-FRANKFURT"),
    ];

    static Site Dc(string code, string name, string country, string region, double lat, double lon, bool cold,
        int capacity, decimal perOrder, decimal perUnit, bool shipsSaturday, CarrierCutoff[] cutoffs)
    {
        var wms = "WMS-" + code["DC-".Length..];
        var node = new Node(new NodeId(code), name, NodeType.Dc, country, region, lat, lon, true,
            cold ? [CrossDock, ColdChain] : [CrossDock], capacity, perOrder, perUnit, cutoffs,
            new Dictionary<EventType, string> { [EventType.CycleCount] = wms });
        return new Site(node, 1, null, false, shipsSaturday, wms);
    }

    static Site ThirdParty(string code, string name, string country, string region, double lat, double lon, bool dutyPaid,
        int capacity, decimal perOrder, decimal perUnit, bool shipsSaturday, CarrierCutoff[] cutoffs)
    {
        var wms = "WMS-" + code;
        var node = new Node(new NodeId(code), name, NodeType.ThirdPartyLogistics, country, region, lat, lon, dutyPaid,
            [CrossDock], capacity, perOrder, perUnit, cutoffs, new Dictionary<EventType, string> { [EventType.CycleCount] = wms });
        return new Site(node, 1, null, false, shipsSaturday, wms);
    }

    static Site Store(string code, string name, string country, string region, double lat, double lon,
        double size, bool shipFromStore, string homeDc, bool openSunday = false)
    {
        var swiss = country == "CH";
        // Ship-from-store capacity scales with the store; the others pick click-and-collect orders only.
        var capacity = shipFromStore ? (int)(size * 100) : 20;
        var cutoff = swiss
            ? new CarrierCutoff("Swiss Post", MonSat, new(15, 30), Zurich)
            : new CarrierCutoff("DHL", MonSat, new(15, 0), Berlin);
        var node = new Node(new NodeId(code), name, NodeType.Store, country, region, lat, lon, true,
            shipFromStore ? [ShipFromStore] : [], capacity, swiss ? 7.90m : 6.50m, swiss ? 1.15m : 0.95m, [cutoff],
            new Dictionary<EventType, string> { [EventType.Sale] = Sources.Pos, [EventType.CycleCount] = Sources.StoreScanner });
        return new Site(node, size, homeDc, openSunday, false, null);
    }

    static Site DarkStore(string code, string name, string region, double lat, double lon, string homeDc)
    {
        var node = new Node(new NodeId(code), name, NodeType.DarkStore, "DE", region, lat, lon, true,
            [ShipFromStore, ColdChain], 900, 3.20m, 0.55m, [new CarrierCutoff("Bike courier", Daily, new(21, 30), Berlin)],
            new Dictionary<EventType, string> { [EventType.Shipment] = Sources.PickApp, [EventType.CycleCount] = Sources.StoreScanner });
        return new Site(node, 1, homeDc, true, false, null);
    }
}
