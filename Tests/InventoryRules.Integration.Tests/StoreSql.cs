using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InventoryRules.Integration.Tests;

/// <summary>Plain SQL on a fixture's store, for the few states no API call can make (a record from an older version).</summary>
public static class StoreSql
{
    public static async Task<int> ExecuteAsync(Store store, string sql)
    {
        await using DbConnection conn = store.Provider == Store.Postgres ? new NpgsqlConnection(store.ConnectionString) : new SqliteConnection(store.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteNonQueryAsync();
    }
}
