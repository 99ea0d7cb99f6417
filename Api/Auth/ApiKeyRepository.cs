using System.Collections.Concurrent;
using Dapper;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.Auth;

/// <summary>API keys, hashed at rest. Lookups are cached briefly: every request needs one.</summary>
public sealed class ApiKeyRepository(Database db, TimeProvider clock)
{
    static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    readonly ConcurrentDictionary<string, (ApiKeyRecord? Key, DateTimeOffset At)> cache = new(StringComparer.Ordinal);

    // Settable properties rather than a positional record: Dapper matches constructors by column type,
    // and SQLite reports a NULL column's type differently from PostgreSQL.
    public sealed record ApiKeyRecord
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Role { get; init; } = "";
        public long CreatedAt { get; init; }
        public long? RevokedAt { get; init; }
    }

    public async Task<ApiKeyRecord?> FindAsync(string key, CancellationToken ct)
    {
        var hash = ApiKeyHasher.Hash(key);
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(hash, out var hit) && now - hit.At < CacheFor) return hit.Key;
        await using var conn = await db.OpenAsync(ct);
        var found = await conn.QuerySingleOrDefaultAsync<ApiKeyRecord>(new CommandDefinition(
            "SELECT id, name, role, created_at AS CreatedAt, revoked_at AS RevokedAt FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL",
            new { hash }, cancellationToken: ct));
        cache[hash] = (found, now);
        return found;
    }

    /// <summary>Creates a key and returns it in clear text: the only time it is ever shown.</summary>
    public async Task<(ApiKeyRecord Record, string Key)> CreateAsync(string name, string role, string? key, CancellationToken ct)
    {
        key ??= ApiKeyHasher.NewKey();
        var record = new ApiKeyRecord { Id = ApiKeyHasher.NewId(), Name = name, Role = role, CreatedAt = Instants.ToMicros(clock.GetUtcNow()) };
        await using var conn = await db.OpenAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO api_keys (id, name, role, key_hash, created_at) VALUES (@Id, @Name, @Role, @Hash, @CreatedAt)
            ON CONFLICT (key_hash) DO NOTHING
            """, new { record.Id, record.Name, record.Role, Hash = ApiKeyHasher.Hash(key), record.CreatedAt }, cancellationToken: ct));
        cache.TryRemove(ApiKeyHasher.Hash(key), out _);
        return (record, key);
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return [.. await conn.QueryAsync<ApiKeyRecord>(new CommandDefinition(
            "SELECT id, name, role, created_at AS CreatedAt, revoked_at AS RevokedAt FROM api_keys ORDER BY created_at, id",
            cancellationToken: ct))];
    }

    /// <summary>Whether the key with this id exists and is not revoked (a session opened with it lives only as long).</summary>
    public async Task<bool> IsActiveAsync(string id, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM api_keys WHERE id = @id AND revoked_at IS NULL", new { id }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> RevokeAsync(string id, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var changed = await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL",
            new { id, now = Instants.ToMicros(clock.GetUtcNow()) }, cancellationToken: ct));
        cache.Clear();
        return changed == 1;
    }

    /// <summary>The embedded default's development keys, dev-{role}, created once.</summary>
    public async Task EnsureDevelopmentKeysAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All) await CreateAsync($"development {role}", role, $"dev-{role}", ct);
    }
}
