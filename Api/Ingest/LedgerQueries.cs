using System.Data.Common;
using Dapper;

namespace InventoryRules.Api.Ingest;

/// <summary>
/// Reads over the event store that define a position at an instant, shared by ingest (count variances,
/// re-anchoring) and the as-of query. Portable SQL; instants in microseconds.
/// </summary>
public static class LedgerQueries
{
    // The latest authoritative count at or before @t; at one instant the larger (source, event id) wins,
    // exactly as CountAnchor.Supersedes decides. Key columns order ordinally in both stores.
    const string AnchorAsOf = """
        SELECT occurred_at AS At, count_qty AS Quantity, source AS Source, event_id AS EventId FROM events
        WHERE sku = @sku AND node = @node AND type = 'cycle_count' AND authoritative = TRUE AND occurred_at <= @t
          AND NOT (source = @exceptSource AND event_id = @exceptEventId)
        ORDER BY occurred_at DESC, source DESC, event_id DESC
        LIMIT 1
        """;

    const string SellableBetween = """
        SELECT CAST(COALESCE(SUM(d_on_hand), 0) AS BIGINT) FROM events
        WHERE sku = @sku AND node = @node AND authoritative = TRUE AND occurred_at > @from AND occurred_at <= @to
        """;

    // Retention compacts old events into a snapshot of on-hand as of its cutoff; live events all occurred at
    // or after it, so with no live count at or before @t on-hand starts from the snapshot.
    const string SnapshotOnHand = "SELECT on_hand FROM position_snapshots WHERE sku = @sku AND node = @node";

    public sealed record Anchor(long At, long Quantity, string Source, string EventId);

    public static Task<Anchor?> AnchorAsOfAsync(DbConnection conn, DbTransaction? tx, string sku, string node, long t,
        (string Source, string EventId)? except, CancellationToken ct) =>
        conn.QuerySingleOrDefaultAsync<Anchor?>(new CommandDefinition(AnchorAsOf, new
        {
            sku, node, t, exceptSource = except?.Source ?? "", exceptEventId = except?.EventId ?? "",
        }, tx, cancellationToken: ct));

    /// <summary>Sum of authoritative sellable deltas in (<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static Task<long> SellableBetweenAsync(DbConnection conn, DbTransaction? tx, string sku, string node, long from, long to, CancellationToken ct) =>
        conn.ExecuteScalarAsync<long>(new CommandDefinition(SellableBetween, new { sku, node, from, to }, tx, cancellationToken: ct));

    /// <summary>
    /// Sellable on-hand as the ledger knows it at instant <paramref name="t"/>: the latest count at or
    /// before it plus the deltas after that count (or the retention snapshot plus every live delta), leaving out
    /// one event (a count being judged).
    /// </summary>
    public static async Task<long> OnHandAsOfAsync(DbConnection conn, DbTransaction? tx, string sku, string node, long t,
        (string Source, string EventId)? except, CancellationToken ct)
    {
        var anchor = await AnchorAsOfAsync(conn, tx, sku, node, t, except, ct);
        var deltas = await SellableBetweenAsync(conn, tx, sku, node, anchor?.At ?? long.MinValue, t, ct);
        var start = anchor?.Quantity ?? await conn.ExecuteScalarAsync<long?>(new CommandDefinition(SnapshotOnHand, new { sku, node }, tx, cancellationToken: ct)) ?? 0;
        return start + deltas;
    }
}
