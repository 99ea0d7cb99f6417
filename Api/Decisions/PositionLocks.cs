using System.Data.Common;
using Dapper;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Locks positions until commit, in (sku, node) order like ingest does, so that every writer takes
/// positions before reservations and in one order: writers queue instead of deadlocking. On SQLite the
/// database's write lock already serialises writers.
/// </summary>
public static class PositionLocks
{
    const string Lock = """
        SELECT 1 FROM positions WHERE (sku, node) IN (SELECT * FROM unnest(@skus, @nodes))
        ORDER BY sku, node FOR UPDATE
        """;

    public static async Task LockAsync(DbTransaction tx, IEnumerable<(string Sku, string Node)> positions, CancellationToken ct)
    {
        if (tx.Connection is not Npgsql.NpgsqlConnection) return;
        var keys = positions.Distinct().OrderBy(k => k.Sku, StringComparer.Ordinal).ThenBy(k => k.Node, StringComparer.Ordinal).ToList();
        if (keys.Count == 0) return;
        await tx.Connection.ExecuteAsync(new CommandDefinition(Lock,
            new { skus = keys.Select(k => k.Sku).ToArray(), nodes = keys.Select(k => k.Node).ToArray() }, tx, cancellationToken: ct));
    }
}
