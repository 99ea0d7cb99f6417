using System.Collections.Concurrent;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine;
using InventoryRules.Engine.Decisions;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Reads everything a decision needs at one instant into a <see cref="DecisionSnapshot"/>: the positions
/// of the skus it may touch at every node, their open supply, node feed freshness, orders taken today and
/// demand statistics. Plain SELECTs without locks: availability reads never block reservations, and a
/// reservation re-checks its stock in the store anyway.
/// </summary>
public sealed class SnapshotLoader(Database db, MasterDataCache masterData, DemandStatsCache demand, OrdersTodayCache ordersToday,
    IOptions<DecisionsOptions> options)
{
    readonly DecisionSettings settings = options.Value.ToSettings();

    const string Positions = """
        SELECT sku AS Sku, node AS Node, on_hand AS OnHand, committed AS Committed, damaged AS Damaged, quarantined AS Quarantined,
               position_quarantined AS PositionQuarantined, version AS Version
        FROM positions WHERE {0}
        """;

    // An expired soft reservation stops counting at once, before any sweeper turns it into "expired".
    const string DueSoft = """
        SELECT sku AS Sku, node AS Node, CAST(SUM(quantity - shipped) AS BIGINT) AS Quantity
        FROM reservations WHERE status = 'soft' AND expires_at <= @now AND {0}
        GROUP BY sku, node
        """;

    const string Supply = """
        SELECT sku AS Sku, node AS Node, reference AS Reference, expected - received AS Quantity, eta AS Eta
        FROM supply_lines WHERE cancelled = FALSE AND expected > received AND {0}
        ORDER BY sku, node, eta, reference
        """;

    const string Feeds = "SELECT node AS Node, MAX(last_seen_at) AS LastSeenAt FROM node_feeds GROUP BY node";

    public DecisionSettings Settings => settings;

    /// <summary>A snapshot of <paramref name="skus"/> at every node, as of <paramref name="now"/>, for <paramref name="segment"/>, read fresh.</summary>
    public Task<DecisionSnapshot> LoadAsync(Segment segment, IReadOnlyCollection<string> skus, DateTimeOffset now, CancellationToken ct) =>
        LoadAsync(segment, skus, now, TimeSpan.Zero, ct);

    /// <summary>
    /// The same, but stock figures read at most <paramref name="maxAge"/> ago may be reused (availability:
    /// a read; a reservation re-checks in the store anyway). Whatever is missing is read in one round trip.
    /// </summary>
    public async Task<DecisionSnapshot> LoadAsync(Segment segment, IReadOnlyCollection<string> skus, DateTimeOffset now, TimeSpan maxAge,
        CancellationToken ct)
    {
        var master = await masterData.GetAsync(ct);
        var items = skus.Distinct(StringComparer.Ordinal).Select(s => master.Items.GetValueOrDefault(s)).OfType<Item>()
            .OrderBy(i => i.Sku.Value, StringComparer.Ordinal).ToList();
        var known = items.Select(i => i.Sku.Value).ToArray();
        var (stocks, lastFeed) = await StockAsync(known, now, maxAge, ct);
        var positions = stocks.SelectMany(s => s.Positions).ToList();
        var due = stocks.SelectMany(s => s.Due).ToDictionary(d => d.Key, d => d.Value);
        var supply = stocks.SelectMany(s => s.Supply).ToList();
        var perishable = items.Where(i => i.Perishable).Select(i => i.Sku.Value).ToHashSet(StringComparer.Ordinal);
        var stats = await demand.ForAsync(known, perishable, now, ct);
        var orders = await ordersToday.GetAsync(now, ct);

        var supplyByPosition = supply.GroupBy(s => (s.Sku, s.Node)).ToDictionary(g => g.Key,
            g => (IReadOnlyList<SupplySnapshot>)[.. g.Select(s => new SupplySnapshot(s.Quantity, Instants.FromMicros(s.Eta), s.Reference))]);
        var keys = positions.Select(p => (p.Sku, p.Node)).Concat(supplyByPosition.Keys).Distinct()
            .Where(k => master.Nodes.ContainsKey(k.Node))
            .OrderBy(k => k.Sku, StringComparer.Ordinal).ThenBy(k => k.Node, StringComparer.Ordinal);
        var byKey = positions.ToDictionary(p => (p.Sku, p.Node));
        var snapshots = new List<PositionSnapshot>();
        foreach (var key in keys)
        {
            var row = byKey.GetValueOrDefault(key) ?? new PositionRow { Sku = key.Sku, Node = key.Node };
            var figures = stats.GetValueOrDefault(key.Sku);
            snapshots.Add(new PositionSnapshot(key.Sku, key.Node, row.OnHand,
                Math.Max(0, row.Committed - due.GetValueOrDefault(key)), row.Damaged, row.Quarantined, row.PositionQuarantined,
                supplyByPosition.GetValueOrDefault(key) ?? [], figures?.Demand.GetValueOrDefault(key.Node) ?? DemandStats.None,
                ShelfLifeDays(figures?.EarliestExpiry.GetValueOrDefault(key.Node), now), row.Version));
        }
        var nodes = NodesOf(master);
        var states = nodes.Select(n => new NodeState(n.Code.Value,
            lastFeed.TryGetValue(n.Code.Value, out var seen) ? Instants.FromMicros(seen) : null, orders.GetValueOrDefault(n.Code.Value))).ToList();
        return new DecisionSnapshot(now, segment, items, nodes, snapshots, states, settings);
    }

    /// <summary>One sku's stock rows as read at <see cref="ReadAt"/>.</summary>
    sealed record SkuStock(DateTimeOffset ReadAt, List<PositionRow> Positions, Dictionary<(string, string), long> Due, List<SupplyRow> Supply);

    /// <summary>The latest report per node as read at <see cref="ReadAt"/>.</summary>
    sealed record FeedTimes(DateTimeOffset ReadAt, Dictionary<string, long> LastSeen);

    /// <summary>One node list per master-data version, so that the log serialises and stores it once (<see cref="SnapshotParts"/>).</summary>
    IReadOnlyList<Node> NodesOf(MasterDataCache.Snapshot master)
    {
        var known = orderedNodes;
        if (known is not null && ReferenceEquals(known.Master, master)) return known.Nodes;
        var nodes = master.Nodes.Values.OrderBy(n => n.Code.Value, StringComparer.Ordinal).ToList();
        orderedNodes = new OrderedNodes(master, nodes);
        return nodes;
    }

    sealed record OrderedNodes(MasterDataCache.Snapshot Master, IReadOnlyList<Node> Nodes);

    volatile OrderedNodes? orderedNodes;

    /// <summary>After this replica reserved or released units of these skus: its next availability read sees it.</summary>
    public void Forget(IEnumerable<string> skus)
    {
        foreach (var sku in skus) stockCache.TryRemove(sku, out _);
    }

    const int MaxCachedSkus = 100_000;
    readonly ConcurrentDictionary<string, SkuStock> stockCache = new(StringComparer.Ordinal);
    volatile FeedTimes? feedCache;

    async Task<(List<SkuStock> Stocks, Dictionary<string, long> LastFeed)> StockAsync(string[] skus, DateTimeOffset now, TimeSpan maxAge,
        CancellationToken ct)
    {
        var stocks = new List<SkuStock>(skus.Length);
        var missing = new List<string>();
        foreach (var sku in skus)
        {
            if (maxAge > TimeSpan.Zero && stockCache.TryGetValue(sku, out var cached) && now - cached.ReadAt <= maxAge) stocks.Add(cached);
            else missing.Add(sku);
        }
        var feeds = feedCache;
        var readFeeds = feeds is null || maxAge <= TimeSpan.Zero || now - feeds.ReadAt > maxAge;
        if (missing.Count == 0 && !readFeeds) return (stocks, feeds!.LastSeen);

        // One round trip: positions, due soft reservations, open supply and (when needed) feed times.
        var anySku = SqlLists.AnyOf(db.IsPostgres, "sku", "skus");
        var sql = new List<string>();
        if (missing.Count > 0)
        {
            sql.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, Positions, anySku));
            sql.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, DueSoft, anySku));
            sql.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, Supply, anySku));
        }
        if (readFeeds) sql.Add(Feeds);
        await using var conn = await db.OpenAsync(ct);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition(string.Join(";\n", sql),
            new { skus = missing.ToArray(), now = Instants.ToMicros(now) }, cancellationToken: ct));
        if (missing.Count > 0)
        {
            var positions = (await results.ReadAsync<PositionRow>()).ToLookup(p => p.Sku, StringComparer.Ordinal);
            var due = (await results.ReadAsync<DueRow>()).ToLookup(d => d.Sku, StringComparer.Ordinal);
            var supply = (await results.ReadAsync<SupplyRow>()).ToLookup(r => r.Sku, StringComparer.Ordinal);
            if (stockCache.Count > MaxCachedSkus) stockCache.Clear();
            foreach (var sku in missing)
            {
                var stock = new SkuStock(now, [.. positions[sku]], due[sku].ToDictionary(d => (d.Sku, d.Node), d => d.Quantity), [.. supply[sku]]);
                stockCache[sku] = stock;
                stocks.Add(stock);
            }
        }
        if (readFeeds)
        {
            feeds = new FeedTimes(now, (await results.ReadAsync<FeedRow>()).ToDictionary(f => f.Node, f => f.LastSeenAt, StringComparer.Ordinal));
            feedCache = feeds;
        }
        return (stocks, feeds!.LastSeen);
    }

    static int ShelfLifeDays(DateTimeOffset? earliestExpiry, DateTimeOffset now) =>
        earliestExpiry is { } expiry && expiry > now ? (int)Math.Min(int.MaxValue, Math.Floor((expiry - now).TotalDays)) : 0;

    sealed class PositionRow
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long OnHand { get; init; }
        public long Committed { get; init; }
        public long Damaged { get; init; }
        public long Quarantined { get; init; }
        public bool PositionQuarantined { get; init; }
        public long Version { get; init; }
    }

    sealed class DueRow
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long Quantity { get; init; }
    }

    sealed class SupplyRow
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public string Reference { get; init; } = "";
        public long Quantity { get; init; }
        public long? Eta { get; init; }
    }

    sealed class FeedRow
    {
        public string Node { get; init; } = "";
        public long LastSeenAt { get; init; }
    }
}
