using InventoryRules.Api.Data;
using Npgsql;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Runs a write transaction: on SQLite under the database's write lock (one writer at a time), on
/// PostgreSQL retried after a deadlock or serialization failure, as ingest does.
/// </summary>
public static class StoreRetry
{
    const int Attempts = 5;

    public static async Task<T> WriteAsync<T>(Database db, ILogger log, string what, Func<Task<T>> write, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!db.IsPostgres) await db.WriteLock.WaitAsync(ct);
            try
            {
                return await write();
            }
            catch (PostgresException ex) when (attempt < Attempts && ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                log.LogWarning("{What} retried after {SqlState} (attempt {Attempt})", what, ex.SqlState, attempt);
            }
            finally
            {
                if (!db.IsPostgres) db.WriteLock.Release();
            }
        }
    }
}
