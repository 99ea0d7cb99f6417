using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Engine;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Writes a decision's snapshot for the log with its node master data stored once per version: the node
/// list (about two thirds of a snapshot) goes to <c>snapshot_parts</c> under its SHA-256 and the snapshot
/// names it as <c>nodesRef</c>. Reading a snapshot back puts the list in again, so replay sees exactly
/// what the decision saw.
/// </summary>
public sealed class SnapshotParts(Database db, TimeProvider clock)
{
    const string NodesKind = "nodes";
    const string NodesRef = "nodesRef";

    const string Insert = "INSERT INTO snapshot_parts (hash, kind, body, created_at) VALUES (@hash, @kind, @body, @at) ON CONFLICT (hash) DO NOTHING";
    const string Read = "SELECT body FROM snapshot_parts WHERE hash = @hash";

    /// <summary>Node lists serialised and hashed, by list instance (the loader reuses one per master-data version).</summary>
    readonly ConditionalWeakTable<IReadOnlyList<Node>, Part> serialised = new();

    /// <summary>Hashes known to be stored, so each replica inserts a version once.</summary>
    readonly ConcurrentDictionary<string, bool> stored = new(StringComparer.Ordinal);

    /// <summary>Node lists read back by hash: a replay reads thousands of snapshots that share a handful of lists.</summary>
    readonly ConcurrentDictionary<string, IReadOnlyList<Node>> readBack = new(StringComparer.Ordinal);

    sealed record Part(string Hash, string Body);

    /// <summary>The snapshot as the log keeps it; its node list is stored first if this replica has not yet.</summary>
    public async Task<string> WriteAsync(DecisionSnapshot snapshot, CancellationToken ct)
    {
        var part = serialised.GetValue(snapshot.Nodes, nodes =>
        {
            var body = DecisionJson.Write(nodes);
            return new Part(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))), body);
        });
        if (!stored.ContainsKey(part.Hash))
        {
            await using var conn = await db.OpenAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(Insert,
                new { hash = part.Hash, kind = NodesKind, body = part.Body, at = Instants.ToMicros(clock.GetUtcNow()) }, cancellationToken: ct));
            stored[part.Hash] = true;
        }
        return DecisionJson.Write(new Logged(snapshot.Now, snapshot.Segment, snapshot.Items, part.Hash, snapshot.Positions, snapshot.NodeStates,
            snapshot.Settings));
    }

    /// <summary>A snapshot as logged: the node list named by its hash.</summary>
    sealed record Logged(DateTimeOffset Now, Segment Segment, IReadOnlyList<Item> Items, string NodesRef, IReadOnlyList<PositionSnapshot> Positions,
        IReadOnlyList<NodeState> NodeStates, DecisionSettings Settings);

    /// <summary>The node list stored under <paramref name="hash"/>, parsed once per replica.</summary>
    public async Task<IReadOnlyList<Node>> NodesAsync(string hash, CancellationToken ct)
    {
        if (readBack.TryGetValue(hash, out var nodes)) return nodes;
        await using var conn = await db.OpenAsync(ct);
        var body = await conn.ExecuteScalarAsync<string>(new CommandDefinition(Read, new { hash }, cancellationToken: ct))
            ?? throw new InvalidOperationException($"snapshot part {hash} is missing");
        // Each master-data version has its own list; a long-running replica keeps only the recent ones.
        if (readBack.Count > 64) readBack.Clear();
        return readBack[hash] = DecisionJson.Read<List<Node>>(body);
    }

    /// <summary>A logged snapshot with its node list put back (older rows that kept it inline are returned as they are).</summary>
    public async Task<string> ReadAsync(string snapshotJson, CancellationToken ct)
    {
        var json = JsonNode.Parse(snapshotJson)!.AsObject();
        if (json[NodesRef]?.GetValue<string>() is not { } hash) return snapshotJson;
        await using var conn = await db.OpenAsync(ct);
        var body = await conn.ExecuteScalarAsync<string>(new CommandDefinition(Read, new { hash }, cancellationToken: ct))
            ?? throw new InvalidOperationException($"snapshot part {hash} is missing");
        json.Remove(NodesRef);
        json["nodes"] = JsonNode.Parse(body);
        return json.ToJsonString(DecisionJson.Options);
    }
}
