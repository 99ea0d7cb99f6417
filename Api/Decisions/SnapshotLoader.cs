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

    /// <summary>A snapshot of <paramref name="skus"/> at every node, as of <paramref name="now"/>, for <paramref name="segment"/>.</summary>
    public async Task<DecisionSnapshot> LoadAsync(Segment segment, IReadOnlyCollection<string> skus, DateTimeOffset now, CancellationToken ct)
    {
        var master = await masterData.GetAsync(ct);
        var items = skus.Distinct(StringComparer.Ordinal).Select(s => master.Items.GetValueOrDefault(s)).OfType<Item>()
            .OrderBy(i => i.Sku.Value, StringComparer.Ordinal).ToList();
        var known = items.Select(i => i.Sku.Value).ToArray();
        var micros = Instants.ToMicros(now);
        List<PositionRow> positions;
        Dictionary<(string, string), long> due;
        List<SupplyRow> supply;
        List<FeedRow> feeds;
        await using (var conn = await db.OpenAsync(ct))
        {
            var anySku = SqlLists.AnyOf(db.IsPostgres, "sku", "skus");
            positions = known.Length == 0 ? [] : [.. await conn.QueryAsync<PositionRow>(new CommandDefinition(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Positions, anySku), new { skus = known }, cancellationToken: ct))];
            due = known.Length == 0 ? [] : (await conn.QueryAsync<DueRow>(new CommandDefinition(
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, DueSoft, anySku), new { skus = known, now = micros }, cancellationToken: ct)))
                .ToDictionary(r => (r.Sku, r.Node), r => r.Quantity);
            supply = known.Length == 0 ? [] : [.. await conn.QueryAsync<SupplyRow>(new CommandDefinition(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Supply, anySku), new { skus = known }, cancellationToken: ct))];
            feeds = [.. await conn.QueryAsync<FeedRow>(new CommandDefinition(Feeds, cancellationToken: ct))];
        }
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
        var lastFeed = feeds.ToDictionary(f => f.Node, f => f.LastSeenAt, StringComparer.Ordinal);
        var nodes = master.Nodes.Values.OrderBy(n => n.Code.Value, StringComparer.Ordinal).ToList();
        var states = nodes.Select(n => new NodeState(n.Code.Value,
            lastFeed.TryGetValue(n.Code.Value, out var seen) ? Instants.FromMicros(seen) : null, orders.GetValueOrDefault(n.Code.Value))).ToList();
        return new DecisionSnapshot(now, segment, items, nodes, snapshots, states, settings);
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
