using System.Reflection;
using Dapper;
using DbUp;
using DbUp.Builder;

namespace InventoryRules.Api.Data;

/// <summary>Applies the dialect's embedded SQL scripts with DbUp; a rerun applies nothing.</summary>
public static class Migrator
{
    // Any fixed number: replicas starting together on one PostgreSQL migrate one at a time.
    const long MigrationLockKey = 7_461_001;

    public static async Task MigrateAsync(Database db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            EnsureDatabase.For.PostgresqlDatabase(db.ConnectionString);
            await using var conn = await db.OpenAsync(ct);
            await conn.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey });
            try
            {
                Run(DeployChanges.To.PostgresqlDatabase(db.ConnectionString), ".Migrations.Postgres.");
            }
            finally
            {
                await conn.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey });
            }
            return;
        }
        await using (var conn = await db.OpenAsync(ct))
        {
            // WAL lets readers go on while one writer commits; the setting stays with the file.
            await conn.ExecuteAsync("PRAGMA journal_mode=WAL;");
        }
        Run(DeployChanges.To.SqliteDatabase(db.ConnectionString), ".Migrations.Sqlite.");
    }

    static void Run(UpgradeEngineBuilder builder, string folder)
    {
        var result = builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(folder, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error?.Message}", result.Error);
        }
    }
}
