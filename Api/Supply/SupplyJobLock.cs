using System.Data.Common;
using Dapper;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.Supply;

/// <summary>
/// One run at a time per supply job, across replicas: a triggered run and a safety-net run (different
/// occurrences) computing from the same state would otherwise both act on it — two cross-dock runs would
/// add the same match twice. A later run waits for the earlier one and then sees what it wrote. PostgreSQL:
/// a session advisory lock held on its own connection for the run (a killed instance's connection closes and
/// frees it); SQLite is one process, so a semaphore is enough.
/// </summary>
public sealed class SupplyJobLock(Database db)
{
    // Beside the migration lock's key (7_461_001): fixed numbers, one per job.
    public const long BackorderRelease = 7_461_101;
    public const long CrossDockMatching = 7_461_102;
    public const long ReservationReevaluation = 7_461_103;

    readonly Dictionary<long, SemaphoreSlim> gates = new()
    {
        [BackorderRelease] = new(1, 1), [CrossDockMatching] = new(1, 1), [ReservationReevaluation] = new(1, 1),
    };

    public async Task<IAsyncDisposable> AcquireAsync(long key, CancellationToken ct)
    {
        var gate = gates[key];
        await gate.WaitAsync(ct);
        if (!db.IsPostgres) return new Held(gate, null, key);
        DbConnection? conn = null;
        try
        {
            conn = await db.OpenAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key }, cancellationToken: ct));
            return new Held(gate, conn, key);
        }
        catch
        {
            if (conn is not null) await conn.DisposeAsync();
            gate.Release();
            throw;
        }
    }

    sealed class Held(SemaphoreSlim gate, DbConnection? conn, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (conn is not null)
                {
                    // Unlocked before the connection goes back to the pool, which would keep a session lock.
                    await conn.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key });
                    await conn.DisposeAsync();
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
