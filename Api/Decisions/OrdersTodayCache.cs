using Dapper;
using InventoryRules.Api.Data;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Orders each node has taken since midnight in the network's time zone (distinct orders with a live or
/// shipped reservation there), for capacity-aware routing. Re-read at most every <see cref="MaxAge"/>:
/// a few seconds' lag on a daily capacity is harmless and spares a count per decision.
/// </summary>
public sealed class OrdersTodayCache(Database db, IOptions<DecisionsOptions> options)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    const string Count = """
        SELECT node AS Node, COUNT(DISTINCT order_id) AS Orders FROM reservations
        WHERE created_at >= @since AND status IN ('soft', 'confirmed', 'shipped')
        GROUP BY node
        """;

    readonly TimeZoneInfo zone = InventoryRules.Engine.Decisions.CutoffCalendar.Zone(options.Value.NetworkTimeZone);
    readonly SemaphoreSlim loading = new(1, 1);
    volatile Counts? current;

    sealed record Counts(DateTimeOffset LoadedAt, IReadOnlyDictionary<string, int> ByNode);

    public async Task<IReadOnlyDictionary<string, int>> GetAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (current is { } fresh && now - fresh.LoadedAt < MaxAge && now >= fresh.LoadedAt) return fresh.ByNode;
        await loading.WaitAsync(ct);
        try
        {
            if (current is { } again && now - again.LoadedAt < MaxAge && now >= again.LoadedAt) return again.ByNode;
            await using var conn = await db.OpenAsync(ct);
            var rows = await conn.QueryAsync<Row>(new CommandDefinition(Count,
                new { since = Instants.ToMicros(NetworkZone.StartOfDay(now, zone)) }, cancellationToken: ct));
            var loaded = new Counts(now, rows.ToDictionary(r => r.Node, r => (int)r.Orders, StringComparer.Ordinal));
            current = loaded;
            return loaded.ByNode;
        }
        finally
        {
            loading.Release();
        }
    }

    sealed class Row
    {
        public string Node { get; init; } = "";
        public long Orders { get; init; }
    }
}
