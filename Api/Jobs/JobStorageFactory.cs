using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using InventoryRules.Api.Data;
using Microsoft.Data.Sqlite;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// Hangfire's storage follows the service's store: on PostgreSQL its own schema in the same database (so
/// replicas share queues, locks and recurring schedules); on SQLite a file beside the service's file (its
/// own writer, so job bookkeeping never waits on the ledger's write lock). Built per host, never through
/// Hangfire's static configuration, so two hosts in one process keep their own storage.
/// </summary>
public static class JobStorageFactory
{
    public static JobStorage Create(Database db, JobsOptions options)
    {
        var poll = TimeSpan.FromMilliseconds(options.PollMilliseconds);
        if (db.IsPostgres)
        {
            return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(db.ConnectionString, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    QueuePollInterval = poll,
                    // A killed instance's job returns to the queue after this; runs resume from their checkpoint.
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromSeconds(options.StaleRunSeconds),
                    PrepareSchemaIfNecessary = true,
                });
        }
        return new SQLiteStorage(HangfireFileBeside(db.ConnectionString), new SQLiteStorageOptions
        {
            QueuePollInterval = poll,
            InvisibilityTimeout = TimeSpan.FromSeconds(options.StaleRunSeconds),
        });
    }

    /// <summary>data/inventoryrules.db → data/inventoryrules.hangfire.db.</summary>
    static string HangfireFileBeside(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", Path.GetFileNameWithoutExtension(file) + ".hangfire.db");
    }
}
