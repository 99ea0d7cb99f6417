using System.Collections.Concurrent;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Demand statistics per (sku, node) from the event store: units out per day over the last 7 days (burn
/// rate) and 28 days (usual), and the day-to-day standard deviation over 28 days; plus, for perishables,
/// the earliest expiry still ahead among received lots. They are statistics, so a minute's staleness is
/// fine: each sku is read at most once per <see cref="MaxAge"/>, and the snapshot logs the figures used.
/// </summary>
public sealed class DemandStatsCache(Database db)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);
    const int UsualDays = DailyDemand.UsualDays;
    const long MicrosPerDay = DailyDemand.MicrosPerDay;

    readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>One sku's figures per node, and when they were read.</summary>
    public sealed record Entry(DateTimeOffset LoadedAt, IReadOnlyDictionary<string, DemandStats> Demand,
        IReadOnlyDictionary<string, DateTimeOffset> EarliestExpiry);

    const string Expiries = """
        SELECT sku AS Sku, node AS Node, MIN(expiry) AS Expiry
        FROM events
        WHERE {0} AND type = 'receipt' AND authoritative = TRUE AND expiry IS NOT NULL AND expiry > @now
        GROUP BY sku, node
        """;

    public async Task<IReadOnlyDictionary<string, Entry>> ForAsync(IReadOnlyCollection<string> skus, IReadOnlySet<string> perishable,
        DateTimeOffset now, CancellationToken ct)
    {
        var result = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var sku in skus)
        {
            if (entries.TryGetValue(sku, out var entry) && now - entry.LoadedAt < MaxAge) result[sku] = entry;
            else missing.Add(sku);
        }
        if (missing.Count == 0) return result;
        foreach (var (sku, entry) in await LoadAsync([.. missing], [.. missing.Where(perishable.Contains)], now, ct))
        {
            entries[sku] = entry;
            result[sku] = entry;
        }
        return result;
    }

    async Task<Dictionary<string, Entry>> LoadAsync(string[] skus, string[] perishable, DateTimeOffset now, CancellationToken ct)
    {
        var micros = Instants.ToMicros(now);
        await using var conn = await db.OpenAsync(ct);
        var outbound = (await conn.QueryAsync<OutboundRow>(new CommandDefinition(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, DailyDemand.OutboundByDay, " AND " + SqlLists.AnyOf(db.IsPostgres, "sku", "skus")),
            new { skus, now = micros, from = micros - UsualDays * MicrosPerDay }, cancellationToken: ct))).ToList();
        var expiries = perishable.Length == 0 ? [] : (await conn.QueryAsync<ExpiryRow>(new CommandDefinition(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Expiries, SqlLists.AnyOf(db.IsPostgres, "sku", "skus")),
            new { skus = perishable, now = micros }, cancellationToken: ct))).ToList();
        return skus.ToDictionary(sku => sku, sku => new Entry(now,
            outbound.Where(r => r.Sku == sku).GroupBy(r => r.Node, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Stats(g), StringComparer.Ordinal),
            expiries.Where(r => r.Sku == sku)
                .ToDictionary(r => r.Node, r => Instants.FromMicros(r.Expiry), StringComparer.Ordinal)), StringComparer.Ordinal);
    }

    static DemandStats Stats(IEnumerable<OutboundRow> rows)
    {
        var daily = new double[UsualDays];
        foreach (var r in rows)
        {
            if (r.DaysAgo is >= 0 and < UsualDays) daily[r.DaysAgo] += r.Units;
        }
        return DailyDemand.Stats(daily);
    }

    sealed class OutboundRow
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long DaysAgo { get; init; }
        public long Units { get; init; }
    }

    sealed class ExpiryRow
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long Expiry { get; init; }
    }
}
