namespace InventoryRules.Integration.Tests;

/// <summary>A real store for a test fixture: a fresh SQLite file or a fresh PostgreSQL database.</summary>
public sealed record Store(string Provider, string ConnectionString)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>Removes a SQLite store's file with its WAL and shared-memory files; a PostgreSQL database is left to the cluster's teardown.</summary>
    public void DeleteSqliteFiles()
    {
        if (Provider != Sqlite) return;
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" }) File.Delete(path);
    }

    public static async Task<Store> CreateAsync(string provider, string prefix) => provider switch
    {
        Sqlite => new Store(Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db")};Pooling=true"),
        Postgres => new Store(Postgres, await TestPostgres.CreateDatabaseAsync(prefix)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
