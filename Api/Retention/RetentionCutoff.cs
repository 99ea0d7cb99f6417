using System.Data.Common;
using Dapper;

namespace InventoryRules.Api.Retention;

/// <summary>
/// The instant before which events are compacted (retention_state). Ingest refuses events older than it, so a
/// compacted event resent later can never apply twice and no late delta slips under a snapshot. On PostgreSQL
/// ingest reads it under a shared advisory lock and the retention job moves it under the exclusive one: once
/// the move commits, every ingest transaction that could still write older events has ended, and every later
/// one sees the new cutoff. On SQLite the one writer lock gives the same order.
/// </summary>
public static class RetentionCutoff
{
    /// <summary>Advisory lock key: "IRRETN" in ASCII.</summary>
    const long LockKey = 0x495252_45544E;

    const string Read = "SELECT cutoff FROM retention_state WHERE id = 1";

    const string Move = """
        UPDATE retention_state SET cutoff = @cutoff, updated_at = @now
        WHERE id = 1 AND (cutoff IS NULL OR cutoff < @cutoff)
        """;

    /// <summary>Inside ingest's write transaction, before it inserts events.</summary>
    public static async Task<long?> ForIngestAsync(DbTransaction tx, bool postgres, CancellationToken ct)
    {
        if (postgres)
        {
            await tx.Connection!.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock_shared(@key)", new { key = LockKey }, tx, cancellationToken: ct));
        }
        return await tx.Connection!.ExecuteScalarAsync<long?>(new CommandDefinition(Read, transaction: tx, cancellationToken: ct));
    }

    /// <summary>Moves the cutoff forward (never back) and returns the one in force.</summary>
    public static async Task<long> MoveAsync(DbTransaction tx, bool postgres, long cutoff, long now, CancellationToken ct)
    {
        if (postgres)
        {
            await tx.Connection!.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = LockKey }, tx, cancellationToken: ct));
        }
        await tx.Connection!.ExecuteAsync(new CommandDefinition(Move, new { cutoff, now }, tx, cancellationToken: ct));
        return await tx.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(Read, transaction: tx, cancellationToken: ct));
    }

    public static Task<long?> ReadAsync(DbConnection conn, CancellationToken ct) =>
        conn.ExecuteScalarAsync<long?>(new CommandDefinition(Read, cancellationToken: ct));
}
