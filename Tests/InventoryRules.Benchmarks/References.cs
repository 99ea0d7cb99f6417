using InventoryRules.Api.Data;
using InventoryRules.Api.Ingest;
using InventoryRules.Engine;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace InventoryRules.Benchmarks;

/// <summary>
/// The references of P5 and P5s: the rows ingest would write into <c>events</c>, loaded the fastest plain
/// way each store has: Npgsql binary COPY on PostgreSQL, a prepared INSERT 1,000 rows per transaction on SQLite.
/// Nothing else is touched (no positions, no checks): this is the store's raw rate for the same rows.
/// </summary>
static class References
{
    const string Columns = """
        source, event_id, sequence, occurred_at, received_at, type, sku, node, quantity, uom, eaches,
        d_on_hand, d_damaged, d_quarantined, count_qty, supply_node, s_expected, s_received, s_cancelled,
        authoritative, outcome, lot, serial, expiry, reason, from_status, to_status, eta, to_node, reference
        """;

    public const string CopySql = $"COPY events ({Columns}) FROM STDIN (FORMAT BINARY)";

    const string InsertSql = $"""
        INSERT INTO events ({Columns})
        VALUES ($source, $event_id, $sequence, $occurred_at, $received_at, $type, $sku, $node, $quantity, $uom, $eaches,
            $d_on_hand, $d_damaged, $d_quarantined, $count_qty, $supply_node, $s_expected, $s_received, $s_cancelled,
            $authoritative, $outcome, $lot, $serial, $expiry, $reason, $from_status, $to_status, $eta, $to_node, $reference)
        """;

    /// <summary>Rows [from, from + count) in one COPY; <paramref name="progress"/> after every 1,000; stops early when told.</summary>
    public static int Copy(NpgsqlConnection conn, IReadOnlyList<LedgerEvent> rows, int from, int count, long receivedAt,
        Action<int>? progress = null, Func<bool>? stop = null)
    {
        using var writer = conn.BeginBinaryImport(CopySql);
        var written = 0;
        for (var i = from; i < from + count; i++)
        {
            WriteRow(writer, rows[i], receivedAt);
            if (++written % 1_000 == 0)
            {
                progress?.Invoke(written);
                if (stop?.Invoke() == true) break;
            }
        }
        writer.Complete();
        return written;
    }

    static void WriteRow(NpgsqlBinaryImporter w, LedgerEvent e, long receivedAt)
    {
        w.StartRow();
        w.Write(e.Key.Source, NpgsqlDbType.Text);
        w.Write(e.Key.EventId, NpgsqlDbType.Text);
        Long(w, e.Sequence);
        w.Write(Instants.ToMicros(e.OccurredAt), NpgsqlDbType.Bigint);
        w.Write(receivedAt, NpgsqlDbType.Bigint);
        w.Write(e.Type.Name(), NpgsqlDbType.Text);
        w.Write(e.Sku.Value, NpgsqlDbType.Text);
        w.Write(e.Node.Value, NpgsqlDbType.Text);
        w.Write(e.Quantity, NpgsqlDbType.Numeric);
        w.Write(e.Uom, NpgsqlDbType.Text);
        w.Write(e.Eaches, NpgsqlDbType.Bigint);
        w.Write(e.Effect.OnHand, NpgsqlDbType.Bigint);
        w.Write(e.Effect.Damaged, NpgsqlDbType.Bigint);
        w.Write(e.Effect.Quarantined, NpgsqlDbType.Bigint);
        Long(w, e.CountedOnHand);
        Text(w, e.Supply?.Destination.Value);
        w.Write(e.Supply?.Expected ?? 0, NpgsqlDbType.Bigint);
        w.Write(e.Supply?.Received ?? 0, NpgsqlDbType.Bigint);
        w.Write(e.Supply?.Cancelled ?? false, NpgsqlDbType.Boolean);
        w.Write(e.Authoritative, NpgsqlDbType.Boolean);
        w.Write(LedgerRow.InitialOutcome(e), NpgsqlDbType.Text);
        Text(w, e.Input.Lot);
        Text(w, e.Input.Serial);
        Long(w, Instants.ToMicros(e.Input.Expiry));
        Text(w, e.Input.Reason);
        Text(w, e.Input.FromStatus);
        Text(w, e.Input.ToStatus);
        Long(w, Instants.ToMicros(e.Input.Eta));
        Text(w, e.Input.ToNode);
        Text(w, e.Input.Reference);
    }

    static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull();
        else w.Write(value, NpgsqlDbType.Text);
    }

    static void Long(NpgsqlBinaryImporter w, long? value)
    {
        if (value is { } v) w.Write(v, NpgsqlDbType.Bigint);
        else w.WriteNull();
    }

    /// <summary>Opens a connection as the service does (WAL is set on the file by the migrator; synchronous=NORMAL per connection).</summary>
    public static SqliteConnection OpenSqlite(string file)
    {
        var conn = new SqliteConnection(IngestStack.SqliteConnectionString(file));
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        cmd.ExecuteNonQuery();
        return conn;
    }

    /// <summary>Rows [from, from + count) with one prepared INSERT in one transaction.</summary>
    public static void SqliteInsert(SqliteConnection conn, IReadOnlyList<LedgerEvent> rows, int from, int count, long receivedAt)
    {
        using var tx = conn.BeginTransaction();
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = InsertSql;
        var names = Columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var p = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++) p[i] = cmd.Parameters.Add(new SqliteParameter("$" + names[i], null));
        cmd.Prepare();
        for (var r = from; r < from + count; r++)
        {
            var e = rows[r];
            p[0].Value = e.Key.Source;
            p[1].Value = e.Key.EventId;
            p[2].Value = Db(e.Sequence);
            p[3].Value = Instants.ToMicros(e.OccurredAt);
            p[4].Value = receivedAt;
            p[5].Value = e.Type.Name();
            p[6].Value = e.Sku.Value;
            p[7].Value = e.Node.Value;
            p[8].Value = e.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture);
            p[9].Value = e.Uom;
            p[10].Value = e.Eaches;
            p[11].Value = e.Effect.OnHand;
            p[12].Value = e.Effect.Damaged;
            p[13].Value = e.Effect.Quarantined;
            p[14].Value = Db(e.CountedOnHand);
            p[15].Value = Db(e.Supply?.Destination.Value);
            p[16].Value = e.Supply?.Expected ?? 0;
            p[17].Value = e.Supply?.Received ?? 0;
            p[18].Value = e.Supply?.Cancelled ?? false;
            p[19].Value = e.Authoritative;
            p[20].Value = LedgerRow.InitialOutcome(e);
            p[21].Value = Db(e.Input.Lot);
            p[22].Value = Db(e.Input.Serial);
            p[23].Value = Db(Instants.ToMicros(e.Input.Expiry));
            p[24].Value = Db(e.Input.Reason);
            p[25].Value = Db(e.Input.FromStatus);
            p[26].Value = Db(e.Input.ToStatus);
            p[27].Value = Db(Instants.ToMicros(e.Input.Eta));
            p[28].Value = Db(e.Input.ToNode);
            p[29].Value = Db(e.Input.Reference);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    static object Db(object? value) => value ?? DBNull.Value;
}
