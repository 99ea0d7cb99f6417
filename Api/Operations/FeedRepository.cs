using Dapper;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.Operations;

/// <summary>Feed freshness per node and source: the last time each source reported for the node.</summary>
public sealed class FeedRepository(Database db)
{
    public sealed record FeedDto(string Source, DateTimeOffset LastSeenAt);

    public async Task HeartbeatAsync(string node, string source, DateTimeOffset at, CancellationToken ct)
    {
        if (!db.IsPostgres) await db.WriteLock.WaitAsync(ct);
        try
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await Ingest.LedgerRecords.FeedsAsync(tx, [(node, source)], Instants.ToMicros(at), ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            if (!db.IsPostgres) db.WriteLock.Release();
        }
    }

    /// <summary>Every (node, source) that has ever reported.</summary>
    public async Task<IReadOnlyList<(string Node, string Source)>> AllAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<(string, string)>(new CommandDefinition(
            "SELECT node, source FROM node_feeds ORDER BY node, source", cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>Many feeds report alive at once, in one transaction (see <see cref="SampleFeedHeartbeats"/>).</summary>
    public async Task HeartbeatManyAsync(IReadOnlyList<(string Node, string Source)> feeds, DateTimeOffset at, CancellationToken ct)
    {
        if (feeds.Count == 0) return;
        if (!db.IsPostgres) await db.WriteLock.WaitAsync(ct);
        try
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await Ingest.LedgerRecords.FeedsAsync(tx, feeds, Instants.ToMicros(at), ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            if (!db.IsPostgres) db.WriteLock.Release();
        }
    }

    public async Task<IReadOnlyList<FeedDto>> ForNodeAsync(string node, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<Row>(new CommandDefinition(
            "SELECT source, last_seen_at AS LastSeenAt FROM node_feeds WHERE node = @node ORDER BY source", new { node }, cancellationToken: ct));
        return [.. rows.Select(r => new FeedDto(r.Source, Instants.FromMicros(r.LastSeenAt)))];
    }

    sealed class Row
    {
        public string Source { get; init; } = "";
        public long LastSeenAt { get; init; }
    }
}
