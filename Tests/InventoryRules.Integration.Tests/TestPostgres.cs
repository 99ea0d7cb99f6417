using Npgsql;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// The PostgreSQL server the test command started (INVENTORYRULES_TEST_POSTGRES). Each fixture gets
/// a database of its own. Missing server: the test fails, it never skips.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "INVENTORYRULES_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests with `bash scripts/test.sh`, which starts a throwaway PostgreSQL server.");

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var conn = new NpgsqlConnection(ServerConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ToString();
    }
}
