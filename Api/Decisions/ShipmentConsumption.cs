using System.Data.Common;
using Dapper;
using InventoryRules.Engine;
using Npgsql;
using NpgsqlTypes;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// When the WMS ships an order, its shipment event names the reservation (<c>reference</c> = reservation
/// id): the shipped units leave on_hand through the event and leave committed here, in the same ingest
/// transaction, so available stays right. Runs after ingest saved the positions it locked; a shipment of
/// more than was reserved gives back only what the reservation still held, and <c>shipped</c> stops at the
/// reservation's quantity (the surplus is on the ledger through the event, not on the reservation).
/// </summary>
public static class ShipmentConsumption
{
    // One statement for a whole batch: the reservations consumed, then committed per position. "o" is the
    // row before the update (RETURNING sees the new one): what the reservation still held is its quantity
    // less what had shipped before. Only shipments change shipped, under the position's lock, which this
    // ingest transaction holds; the status is read from r, the row as it is now (a confirm may just have run).
    const string Postgres = """
        WITH u AS (SELECT * FROM unnest(@id, @sku, @node, @eaches) AS u(id, sku, node, eaches)),
        consumed AS (
            UPDATE reservations r SET shipped = LEAST(o.quantity, o.shipped + u.eaches), updated_at = @now,
                status = CASE WHEN o.shipped + u.eaches >= o.quantity THEN 'shipped' ELSE r.status END
            FROM u JOIN reservations o ON o.id = u.id
            WHERE r.id = u.id AND r.sku = u.sku AND r.node = u.node AND r.status IN ('soft', 'confirmed')
            RETURNING r.sku, r.node, LEAST(u.eaches, GREATEST(0, o.quantity - o.shipped)) AS units)
        UPDATE positions p SET committed = p.committed - c.units, version = p.version + 1, updated_at = @now
        FROM (SELECT sku, node, SUM(units) AS units FROM consumed GROUP BY sku, node) c
        WHERE p.sku = c.sku AND p.node = c.node AND c.units > 0
        """;

    // SQLite, in-process: two small statements per reservation cost microseconds. SQLite's RETURNING sees
    // only the new row, so what the reservation still held is read first (under the database write lock).
    const string Held = """
        SELECT quantity - shipped FROM reservations
        WHERE id = @id AND sku = @sku AND node = @node AND status IN ('soft', 'confirmed')
        """;

    const string Consume = """
        UPDATE reservations SET shipped = MIN(quantity, shipped + @eaches), updated_at = @now,
            status = CASE WHEN shipped + @eaches >= quantity THEN 'shipped' ELSE status END
        WHERE id = @id AND sku = @sku AND node = @node AND status IN ('soft', 'confirmed')
        """;

    public static async Task ConsumeAsync(DbTransaction tx, IEnumerable<LedgerEvent> fresh, long now, CancellationToken ct)
    {
        var shipped = fresh.Where(e => e.Type == EventType.Shipment && e.Authoritative && !string.IsNullOrEmpty(e.Input.Reference))
            .GroupBy(e => (Id: e.Input.Reference!, Sku: e.Sku.Value, Node: e.Node.Value))
            .Select(g => (g.Key.Id, g.Key.Sku, g.Key.Node, Eaches: g.Sum(e => Math.Abs(e.Eaches))))
            .Where(s => s.Eaches > 0)
            .OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        if (shipped.Count == 0) return;
        var conn = tx.Connection!;
        if (conn is NpgsqlConnection pg)
        {
            await using var cmd = new NpgsqlCommand(Postgres, pg, (NpgsqlTransaction)tx);
            cmd.Parameters.Add(new NpgsqlParameter<long>("now", now));
            cmd.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = shipped.Select(s => s.Id).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter("sku", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = shipped.Select(s => s.Sku).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter("node", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = shipped.Select(s => s.Node).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter("eaches", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = shipped.Select(s => s.Eaches).ToArray() });
            await cmd.ExecuteNonQueryAsync(ct);
            return;
        }
        foreach (var s in shipped)
        {
            var args = new { id = s.Id, sku = s.Sku, node = s.Node, eaches = s.Eaches, now };
            if (await conn.ExecuteScalarAsync<long?>(new CommandDefinition(Held, args, tx, cancellationToken: ct)) is not { } held) continue;
            await conn.ExecuteAsync(new CommandDefinition(Consume, args, tx, cancellationToken: ct));
            var units = Math.Min(s.Eaches, Math.Max(0, held));
            if (units > 0)
            {
                await conn.ExecuteAsync(new CommandDefinition(ReservationExpiry.GiveBack,
                    new { sku = s.Sku, node = s.Node, quantity = units, now }, tx, cancellationToken: ct));
            }
        }
    }
}
