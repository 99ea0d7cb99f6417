using System.Data.Common;
using Dapper;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Turns due soft reservations of some positions into expired ones and gives their units back, inside the
/// caller's transaction, after the caller locked those positions. Each flip is conditional on the status,
/// so two replicas expiring the same reservation give its units back once.
/// </summary>
public static class ReservationExpiry
{
    const string Due = """
        SELECT id AS Id, sku AS Sku, node AS Node FROM reservations
        WHERE status = 'soft' AND expires_at <= @now AND {0}
        ORDER BY id
        """;

    const string Expire = """
        UPDATE reservations SET status = 'expired', updated_at = @now
        WHERE id = @id AND status = 'soft' AND expires_at <= @now
        RETURNING quantity - shipped
        """;

    public const string GiveBack = """
        UPDATE positions SET committed = committed - @quantity, version = version + 1, updated_at = @now
        WHERE sku = @sku AND node = @node
        """;

    /// <summary>Expires what is due at the given positions; returns how many reservations it expired.</summary>
    public static async Task<int> ExpireDueAsync(DbTransaction tx, IReadOnlyCollection<(string Sku, string Node)> positions, long now,
        CancellationToken ct)
    {
        if (positions.Count == 0) return 0;
        var conn = tx.Connection!;
        var postgres = conn is Npgsql.NpgsqlConnection;
        var wanted = positions.ToHashSet();
        var skus = wanted.Select(p => p.Sku).Distinct().ToArray();
        var due = (await conn.QueryAsync<DueRow>(new CommandDefinition(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Due, SqlLists.AnyOf(postgres, "sku", "skus")),
                new { skus, now }, tx, cancellationToken: ct)))
            .Where(r => wanted.Contains((r.Sku, r.Node))).ToList();
        var back = new SortedDictionary<(string Sku, string Node), long>(Comparer<(string Sku, string Node)>.Create((a, b) =>
        {
            var bySku = string.CompareOrdinal(a.Sku, b.Sku);
            return bySku != 0 ? bySku : string.CompareOrdinal(a.Node, b.Node);
        }));
        var expired = 0;
        foreach (var r in due)
        {
            var remaining = await conn.ExecuteScalarAsync<long?>(new CommandDefinition(Expire, new { id = r.Id, now }, tx, cancellationToken: ct));
            if (remaining is not { } q) continue;
            expired++;
            back[(r.Sku, r.Node)] = back.GetValueOrDefault((r.Sku, r.Node)) + Math.Max(0, q);
        }
        foreach (var ((sku, node), quantity) in back)
        {
            if (quantity > 0) await conn.ExecuteAsync(new CommandDefinition(GiveBack, new { sku, node, quantity, now }, tx, cancellationToken: ct));
        }
        return expired;
    }

    sealed class DueRow
    {
        public string Id { get; init; } = "";
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
    }
}
