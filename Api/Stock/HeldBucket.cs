using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace InventoryRules.Api.Stock;

/// <summary>
/// positions.held, the units every hold in force keeps at a position. Derived, so setting it leaves
/// positions.version alone: no decision reads it (each computes holds from the rules itself), and bumping
/// the version would make reservations in flight retry for nothing. Ingest never writes it either.
/// </summary>
internal static class HeldBucket
{
    public static async Task<Dictionary<(string, string), long>> ReadAsync(DbConnection conn, DbTransaction tx, SkuScope scope, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT sku, node, held FROM positions WHERE {scope.Condition()} AND held <> 0";
        scope.Bind(cmd);
        var held = new Dictionary<(string, string), long>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) held[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        return held;
    }

    public static async Task SetAsync(DbTransaction tx, List<(string Sku, string Node, long Held)> updates, CancellationToken ct)
    {
        if (updates.Count == 0) return;
        // Key order, as ingest locks positions: fewer deadlocks with a batch of events arriving meanwhile.
        updates.Sort((a, b) => string.CompareOrdinal(a.Sku, b.Sku) is var c and not 0 ? c : string.CompareOrdinal(a.Node, b.Node));
        if (tx.Connection is NpgsqlConnection pg)
        {
            await using var cmd = new NpgsqlCommand("""
                UPDATE positions p SET held = u.held
                FROM unnest(@sku, @node, @held) AS u(sku, node, held)
                WHERE p.sku = u.sku AND p.node = u.node AND p.held <> u.held
                """, pg, (NpgsqlTransaction)tx);
            cmd.Parameters.Add(new NpgsqlParameter("sku", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = updates.Select(u => u.Sku).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter("node", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = updates.Select(u => u.Node).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter("held", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = updates.Select(u => u.Held).ToArray() });
            await cmd.ExecuteNonQueryAsync(ct);
            return;
        }
        await using var lite = tx.Connection!.CreateCommand();
        lite.Transaction = tx;
        lite.CommandText = "UPDATE positions SET held = @held WHERE sku = @sku AND node = @node AND held <> @held";
        var sku = Parameter(lite, "sku");
        var node = Parameter(lite, "node");
        var units = Parameter(lite, "held");
        foreach (var u in updates)
        {
            sku.Value = u.Sku;
            node.Value = u.Node;
            units.Value = u.Held;
            await lite.ExecuteNonQueryAsync(ct);
        }
    }

    static DbParameter Parameter(DbCommand cmd, string name)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        cmd.Parameters.Add(p);
        return p;
    }
}
