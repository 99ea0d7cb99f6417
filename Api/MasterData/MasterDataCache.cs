using System.Collections.Frozen;
using InventoryRules.Engine;

namespace InventoryRules.Api.MasterData;

/// <summary>
/// Master data in memory for ingest and decisions. Another replica may have upserted since the last
/// load, so a miss reloads once (see <see cref="RefreshAsync"/>) before anything is refused, and a
/// snapshot older than <see cref="MaxAge"/> is reloaded on next use.
/// </summary>
public sealed class MasterDataCache(MasterDataRepository repository, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    readonly SemaphoreSlim loading = new(1, 1);
    volatile Snapshot? current;

    public sealed record Snapshot(
        FrozenDictionary<string, Item> Items,
        FrozenDictionary<string, Node> Nodes,
        FrozenDictionary<string, Segment> Segments,
        DateTimeOffset LoadedAt);

    public async ValueTask<Snapshot> GetAsync(CancellationToken ct)
    {
        var snapshot = current;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < MaxAge) return snapshot;
        return await RefreshAsync(snapshot, ct);
    }

    /// <summary>Reloads unless someone else already did since <paramref name="seen"/> was taken.</summary>
    public async Task<Snapshot> RefreshAsync(Snapshot? seen, CancellationToken ct)
    {
        await loading.WaitAsync(ct);
        try
        {
            if (current is { } now && !ReferenceEquals(now, seen)) return now;
            var items = await repository.ItemsAsync(ct);
            var nodes = await repository.NodesAsync(ct);
            var segments = await repository.SegmentsAsync(ct);
            var loaded = new Snapshot(
                items.ToFrozenDictionary(i => i.Sku.Value, StringComparer.Ordinal),
                nodes.ToFrozenDictionary(n => n.Code.Value, StringComparer.Ordinal),
                segments.ToFrozenDictionary(s => s.Code, StringComparer.Ordinal),
                clock.GetUtcNow());
            current = loaded;
            return loaded;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>After an upsert on this replica: the next read loads fresh data.</summary>
    public void Invalidate() => current = null;
}
