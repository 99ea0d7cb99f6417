using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Experiments;

/// <summary>
/// The segment's logged source decisions in [from, to), read in (created_at, id) order in batches — the
/// order a replay's checkpoint follows — and a live experiment's decisions.
/// </summary>
public sealed class LoggedDecisions(Database db, SnapshotParts parts)
{
    const string InWindow = """
        FROM decisions WHERE segment = @segment AND kind = 'source' AND created_at >= @from AND created_at < @to
        """;

    const string Columns = """
        SELECT id AS Id, created_at AS CreatedAt, arm AS Arm, request AS Request, snapshot AS Snapshot, result AS Result
        """;

    // A replay decides again and never reads the logged result (with its trace, the largest column).
    const string WithoutResult = """
        SELECT id AS Id, created_at AS CreatedAt, arm AS Arm, request AS Request, snapshot AS Snapshot
        """;

    public async Task<long> CountAsync(string segment, long from, long to, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) " + InWindow, new { segment, from, to }, cancellationToken: ct));
    }

    /// <summary>The next <paramref name="limit"/> decisions after (<paramref name="afterAt"/>, <paramref name="afterId"/>).</summary>
    public async Task<IReadOnlyList<Row>> BatchAsync(string segment, long from, long to, long afterAt, string afterId, int limit, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return [.. await conn.QueryAsync<Row>(new CommandDefinition(
            WithoutResult + " " + InWindow + " AND (created_at > @afterAt OR (created_at = @afterAt AND id > @afterId)) ORDER BY created_at, id LIMIT @limit",
            new { segment, from, to, afterAt, afterId, limit }, cancellationToken: ct))];
    }

    /// <summary>Every decision a live experiment assigned an arm to.</summary>
    public async Task<IReadOnlyList<Row>> OfExperimentAsync(string experimentId, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return [.. await conn.QueryAsync<Row>(new CommandDefinition(
            Columns + " FROM decisions WHERE experiment_id = @experimentId AND kind = 'source' ORDER BY created_at, id",
            new { experimentId }, cancellationToken: ct))];
    }

    /// <summary>Parses rows on every core (JSON is most of a replay's work), then puts each snapshot's node list back.</summary>
    public async Task<IReadOnlyList<LoggedDecision>> ParseAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var parsed = new (DecisionRequest Request, LoggedSnapshot Snapshot, Decision? Result)[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = ct }, i => parsed[i] = (
            DecisionJson.Read<DecisionRequest>(rows[i].Request), LoggedSnapshot.Parse(rows[i].Snapshot),
            rows[i].Result is { Length: > 0 } result ? DecisionJson.Read<Decision>(result) : null));
        var result = new List<LoggedDecision>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (request, logged, decision) = parsed[i];
            var nodes = logged.Nodes ?? (logged.NodesRef is { } hash ? await parts.NodesAsync(hash, ct) : []);
            result.Add(new LoggedDecision(rows[i].Id, rows[i].CreatedAt, rows[i].Arm, request, logged.With(nodes), decision));
        }
        return result;
    }

    public sealed class Row
    {
        public string Id { get; init; } = "";
        public long CreatedAt { get; init; }
        public string? Arm { get; init; }
        public string Request { get; init; } = "";
        public string Snapshot { get; init; } = "";
        /// <summary>Empty when not read (replay batches).</summary>
        public string Result { get; init; } = "";
    }
}
