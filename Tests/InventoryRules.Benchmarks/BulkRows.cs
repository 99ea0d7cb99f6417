using System.Globalization;
using InventoryRules.Api.Data;
using Npgsql;

namespace InventoryRules.Benchmarks;

/// <summary>
/// Seeds rows fast, for benchmarks only: SQLite through one prepared INSERT in transactions of 50,000 rows,
/// PostgreSQL through text COPY. Values are long, int, double, bool, string or null; strings must not hold
/// tabs, newlines or backslashes (COPY's text format would need them escaped).
/// </summary>
static class BulkRows
{
    public static async Task WriteAsync(Database db, string table, string[] columns, IEnumerable<object?[]> rows)
    {
        await using var conn = await db.OpenAsync(CancellationToken.None);
        if (conn is NpgsqlConnection pg)
        {
            await using var writer = await pg.BeginTextImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN");
            foreach (var row in rows) await writer.WriteLineAsync(string.Join('\t', row.Select(Text)));
            return;
        }
        var tx = await conn.BeginTransactionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
        var parameters = columns.Select(c =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = c;
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        var n = 0;
        foreach (var row in rows)
        {
            cmd.Transaction = tx;
            for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync();
            if (++n % 50_000 != 0) continue;
            await tx.CommitAsync();
            await tx.DisposeAsync();
            tx = await conn.BeginTransactionAsync();
        }
        await tx.CommitAsync();
        await tx.DisposeAsync();
    }

    static string Text(object? value) => value switch
    {
        null => "\\N",
        bool b => b ? "t" : "f",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
