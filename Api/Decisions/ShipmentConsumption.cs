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
/// more than was reserved gives back only what the reservation still held.
/// </summary>
public static class ShipmentConsumption
{
    // One statement for a whole batch: the reservations consumed, then committed per position.
    const string Postgres = """
        WITH u AS (SELECT * FROM unnest(@id, @sku, @node, @eaches) AS u(id, sku, node, eaches)),
        consumed AS (
            UPDATE reservations r SET shipped = r.shipped + u.eaches, updated_at = @now,
                status = CASE WHEN r.shipped + u.eaches >= r.quantity THEN 'shipped' ELSE r.status END
            FROM u WHERE r.id = u.id AND r.sku = u.sku AND r.node = u.node AND r.status IN ('soft', 'confirmed')
            RETURNING r.sku, r.node, LEAST(u.eaches, GREATEST(0, r.quantity - r.shipped + u.eaches)) AS units)
        UPDATE positions p SET committed = p.committed - c.units, version = p.version + 1, updated_at = @now
        FROM (SELECT sku, node, SUM(units) AS units FROM consumed GROUP BY sku, node) c
        WHERE p.sku = c.sku AND p.node = c.node AND c.units > 0
        """;

    // SQLite, in-process: one small statement per reservation costs microseconds.
    const string Consume = """
        UPDATE reservations SET shipped = shipped + @eaches, updated_at = @now,
            status = CASE WHEN shipped + @eaches >= quantity THEN 'shipped' ELSE status END
        WHERE id = @id AND sku = @sku AND node = @node AND status IN ('soft', 'confirmed')
        RETURNING MIN(@eaches, MAX(0, quantity - shipped + @eaches))
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
            var units = await conn.ExecuteScalarAsync<long?>(new CommandDefinition(Consume,
                new { id = s.Id, sku = s.Sku, node = s.Node, eaches = s.Eaches, now }, tx, cancellationToken: ct));
            if (units is > 0)
            {
                await conn.ExecuteAsync(new CommandDefinition(ReservationExpiry.GiveBack,
                    new { sku = s.Sku, node = s.Node, quantity = units, now }, tx, cancellationToken: ct));
            }
        }
    }
}
