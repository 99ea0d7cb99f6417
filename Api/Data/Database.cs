using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InventoryRules.Api.Data;

/// <summary>
/// The store the service runs on: a connection source and its dialect. SQLite allows one writer at a
/// time, so writers there take <see cref="WriteLock"/> first instead of failing on a busy database.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    readonly DbDataSource source;

    Database(DbDataSource source, Dialect dialect, string connectionString)
    {
        this.source = source;
        Dialect = dialect;
        ConnectionString = connectionString;
    }

    public Dialect Dialect { get; }

    public string ConnectionString { get; }

    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    public bool IsPostgres => Dialect == Dialect.Postgres;

    public static Database Open(StorageOptions options, string workingDirectory)
    {
        if (options.Provider == "postgres")
        {
            var cs = string.IsNullOrWhiteSpace(options.ConnectionString)
                ? throw new InvalidOperationException("Storage:ConnectionString is required with Storage:Provider=postgres")
                : WithServiceDefaults(options.ConnectionString);
            return new Database(NpgsqlDataSource.Create(cs), Dialect.Postgres, cs);
        }
        var sqlite = SqliteConnectionString(options.ConnectionString, workingDirectory);
        return new Database(SqliteFactory.Instance.CreateDataSource(sqlite), Dialect.Sqlite, sqlite);
    }

    /// <summary>
    /// Npgsql settings the service relies on for throughput, unless the connection string sets them:
    /// statements the service repeats are prepared after two uses (parse and plan once per connection,
    /// which halved PostgreSQL's CPU per order in the P3 load test), and a pooled connection is not reset
    /// with DISCARD ALL on every return (the service sets no session state).
    /// </summary>
    static string WithServiceDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var conn = await source.OpenConnectionAsync(ct);
        if (Dialect == Dialect.Sqlite)
        {
            // Per-connection settings; WAL itself is persistent and set by the migrator.
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return conn;
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();

    static string SqliteConnectionString(string? configured, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var folder = Path.Combine(workingDirectory, "data");
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "inventoryrules.db"),
            Pooling = true,
        }.ToString();
    }
}
