using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace InventoryRules.Api.Stock;

/// <summary>
/// Reads a key range of one stored-figure table and writes a batch's changes to it: upserts and deletes by
/// key. PostgreSQL gets one statement per batch (arrays through unnest); SQLite, in-process, one prepared
/// statement executed per row, which costs microseconds. The first <c>keyCount</c> columns are the key.
/// </summary>
internal sealed class StockTable<T>(string table, int keyCount, Func<DbDataReader, T> read, params StockColumn<T>[] columns)
{
    public const string ComputedAt = "computed_at";

    readonly string list = string.Join(", ", columns.Select(c => c.Name));
    readonly string key = string.Join(", ", columns.Take(keyCount).Select(c => c.Name));

    string Update(string excluded) => string.Join(", ", columns.Skip(keyCount).Select(c => $"{c.Name} = {excluded}.{c.Name}").Append($"{ComputedAt} = {excluded}.{ComputedAt}"));

    public async Task<List<T>> ReadAsync(DbConnection conn, DbTransaction? tx, SkuScope range, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT {list} FROM {table} WHERE {range.Condition()}";
        range.Bind(cmd);
        var rows = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    /// <summary>
    /// Rows for the API: those matching <paramref name="where"/> (over the table's columns, parameters bound by
    /// <paramref name="bind"/>) in key order, one page, each with its computed_at; and how many match in all.
    /// </summary>
    public async Task<(List<(T Row, long ComputedAt)> Rows, long Total)> PageAsync(DbConnection conn, string where, Action<DbCommand> bind, int limit,
        long offset, CancellationToken ct)
    {
        long total;
        await using (var count = conn.CreateCommand())
        {
            count.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
            bind(count);
            total = Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT {list}, {ComputedAt} FROM {table} WHERE {where} ORDER BY {key} LIMIT {limit} OFFSET {offset}";
        bind(cmd);
        var rows = new List<(T, long)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add((read(reader), reader.GetInt64(columns.Length)));
        return (rows, total);
    }

    /// <summary>Inserts new keys and overwrites changed ones; <paramref name="now"/> becomes their computed_at.</summary>
    public async Task UpsertAsync(DbTransaction tx, IReadOnlyList<T> rows, long now, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        if (tx.Connection is NpgsqlConnection pg)
        {
            var names = string.Join(", ", columns.Select((_, i) => $"@c{i}"));
            await using var cmd = new NpgsqlCommand($"""
                INSERT INTO {table} ({list}, {ComputedAt})
                SELECT u.*, @now FROM unnest({names}) AS u({list})
                ON CONFLICT ({key}) DO UPDATE SET {Update("EXCLUDED")}
                """, pg, (NpgsqlTransaction)tx);
            for (var i = 0; i < columns.Length; i++)
            {
                cmd.Parameters.Add(new NpgsqlParameter($"c{i}", NpgsqlDbType.Array | columns[i].PgType) { Value = columns[i].Array(rows) });
            }
            cmd.Parameters.Add(new NpgsqlParameter<long>("now", now));
            await cmd.ExecuteNonQueryAsync(ct);
            return;
        }
        await using var lite = tx.Connection!.CreateCommand();
        lite.Transaction = tx;
        lite.CommandText = $"""
            INSERT INTO {table} ({list}, {ComputedAt}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@c{i}"))}, @now)
            ON CONFLICT ({key}) DO UPDATE SET {Update("excluded")}
            """;
        await RunPerRowAsync(lite, columns, rows, now, ct);
    }

    public async Task DeleteAsync(DbTransaction tx, IReadOnlyList<T> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var keys = columns.Take(keyCount).ToArray();
        if (tx.Connection is NpgsqlConnection pg)
        {
            await using var cmd = new NpgsqlCommand(
                $"DELETE FROM {table} WHERE ({key}) IN (SELECT * FROM unnest({string.Join(", ", keys.Select((_, i) => $"@c{i}"))}))", pg, (NpgsqlTransaction)tx);
            for (var i = 0; i < keys.Length; i++)
            {
                cmd.Parameters.Add(new NpgsqlParameter($"c{i}", NpgsqlDbType.Array | keys[i].PgType) { Value = keys[i].Array(rows) });
            }
            await cmd.ExecuteNonQueryAsync(ct);
            return;
        }
        await using var lite = tx.Connection!.CreateCommand();
        lite.Transaction = tx;
        lite.CommandText = $"DELETE FROM {table} WHERE {string.Join(" AND ", keys.Select((c, i) => $"{c.Name} = @c{i}"))}";
        await RunPerRowAsync(lite, keys, rows, null, ct);
    }

    static async Task RunPerRowAsync(DbCommand cmd, StockColumn<T>[] columns, IReadOnlyList<T> rows, long? now, CancellationToken ct)
    {
        var parameters = new DbParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            parameters[i] = cmd.CreateParameter();
            parameters[i].ParameterName = $"c{i}";
            cmd.Parameters.Add(parameters[i]);
        }
        if (now is { } at)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "now";
            p.Value = at;
            cmd.Parameters.Add(p);
        }
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++) parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
