using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Engine.Stock;

namespace InventoryRules.Api.Stock;

/// <summary>
/// Lots on hand at perishable positions, estimated from receipt events. The ledger does not track which lot
/// each sale or shipment took, so stock is assumed to leave first in, first out: what is left on hand is
/// the newest receipts, walked from the newest back until on-hand is covered (the oldest of them only in
/// part). A receipt without a lot id is its own lot (its event id); one without expiry is a lot of unknown
/// expiry. When the store picks out of order (returns, picking errors), the estimate is off by those units;
/// a count does not tell lots apart either, so nothing better is known without lot-level movements.
/// </summary>
internal static class ReceiptLots
{
    const string Receipts = """
        SELECT e.sku, e.node, COALESCE(e.lot, e.event_id) AS lot, e.expiry, e.d_on_hand
        FROM events e JOIN items i ON i.sku = e.sku
        WHERE i.perishable = TRUE AND e.type = 'receipt' AND e.authoritative = TRUE AND e.d_on_hand > 0{0}
        ORDER BY e.sku, e.node, e.occurred_at DESC, e.source DESC, e.event_id DESC
        """;

    /// <param name="onHand">On-hand per position: the cap of what lots can still hold.</param>
    public static async Task<List<StockLot>> LoadAsync(Database db, IReadOnlyDictionary<(string Sku, string Node), long> onHand, string[]? skus,
        CancellationToken ct)
    {
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Receipts,
            skus is null ? "" : " AND " + SqlLists.AnyOf(db.IsPostgres, "e.sku", "skus"));
        var lots = new List<StockLot>();
        (string Sku, string Node) current = ("", "");
        long left = 0;
        var open = new Dictionary<string, (long Units, long? Expiry)>(StringComparer.Ordinal);
        await using var conn = await db.OpenAsync(ct);
        await using var reader = await conn.ExecuteReaderAsync(new CommandDefinition(sql, new { skus }, commandTimeout: 600, cancellationToken: ct));
        while (await reader.ReadAsync(ct))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (key != current)
            {
                Flush(current, open, lots);
                current = key;
                left = Math.Max(0, onHand.GetValueOrDefault(key));
            }
            if (left <= 0) continue;
            var take = Math.Min(left, reader.GetInt64(4));
            left -= take;
            var lot = reader.GetString(2);
            long? expiry = reader.IsDBNull(3) ? null : reader.GetInt64(3);
            // The same lot received twice is one lot; its expiry is the earliest given.
            open[lot] = open.TryGetValue(lot, out var seen)
                ? (seen.Units + take, seen.Expiry is { } a && expiry is { } b ? Math.Min(a, b) : seen.Expiry ?? expiry)
                : (take, expiry);
        }
        Flush(current, open, lots);
        return lots;
    }

    static void Flush((string Sku, string Node) position, Dictionary<string, (long Units, long? Expiry)> open, List<StockLot> lots)
    {
        foreach (var (lot, (units, expiry)) in open.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            lots.Add(new StockLot(position.Sku, position.Node, lot, units, Instants.FromMicros(expiry)));
        }
        open.Clear();
    }
}
