using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using InventoryRules.Api.Ingest;
using InventoryRules.Engine;

namespace InventoryRules.Benchmarks;

/// <summary>
/// Where a batch's time goes: every SQL statement Npgsql runs (its own tracing, ActivitySource "Npgsql"),
/// grouped by what it is for, and the ingest steps through <see cref="ILedgerBulk"/> (both stores).
/// Tracing costs a little, so profiled runs are never the throughput figures.
/// </summary>
sealed partial class SqlProfile : IDisposable
{
    readonly ActivityListener listener;
    readonly Dictionary<string, (long Calls, TimeSpan Time)> stats = [];
    readonly Lock gate = new();

    public SqlProfile()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyDictionary<string, (long Calls, TimeSpan Time)> Snapshot()
    {
        lock (gate) return new Dictionary<string, (long, TimeSpan)>(stats);
    }

    public void Reset()
    {
        lock (gate) stats.Clear();
    }

    void Record(Activity a)
    {
        var text = a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string ?? a.DisplayName;
        var label = Label(text);
        lock (gate)
        {
            var s = stats.GetValueOrDefault(label);
            stats[label] = (s.Calls + 1, s.Time + a.Duration);
        }
    }

    /// <summary>What a statement is for, by its text (the ingest code's SQL).</summary>
    public static string Label(string sql)
    {
        var s = Spaces().Replace(sql, " ").Trim();
        if (s.StartsWith("INSERT INTO events", StringComparison.Ordinal)) return "insert events (unnest, RETURNING keys)";
        if (s.StartsWith("INSERT INTO positions", StringComparison.Ordinal)) return "create missing positions (unnest)";
        if (s.Contains("FOR UPDATE", StringComparison.Ordinal)) return "lock positions FOR UPDATE (unnest)";
        if (s.StartsWith("SELECT sku, node, direction", StringComparison.Ordinal)) return "read movement stats (unnest)";
        if (s.StartsWith("UPDATE positions", StringComparison.Ordinal)) return "save positions (unnest)";
        if (s.StartsWith("INSERT INTO supply_lines", StringComparison.Ordinal)) return "add supply lines (unnest)";
        if (s.StartsWith("INSERT INTO movement", StringComparison.Ordinal)) return "add movement stats (unnest)";
        if (s.Contains("unnest(@i, @sku, @node, @t, @source", StringComparison.Ordinal)) return "count judgement, all counts at once (unnest + LATERAL)";
        if (s.Contains("unnest(@i, @sku, @node, @t)", StringComparison.Ordinal)) return "re-anchor sums, all re-anchored positions at once (unnest)";
        if (s.Contains("SUM(d_on_hand)", StringComparison.Ordinal)) return "sellable-between query (per count: re-anchor + as-of)";
        if (s.Contains("type = 'cycle_count'", StringComparison.Ordinal)) return "anchor-as-of query (per count)";
        if (s.StartsWith("INSERT INTO count_variances", StringComparison.Ordinal)) return "insert count variance (per count)";
        if (s.StartsWith("INSERT INTO node_feeds", StringComparison.Ordinal))
        {
            return s.Contains("), (", StringComparison.Ordinal) ? "touch node feeds (all of the batch's, one statement)" : "touch node feed (per node x source)";
        }
        if (s.StartsWith("UPDATE events", StringComparison.Ordinal) && s.Contains("SET outcome", StringComparison.Ordinal)) return "set event outcomes";
        if (s.StartsWith("INSERT INTO anomalies", StringComparison.Ordinal)) return "insert anomaly (per anomaly)";
        if (s.StartsWith("INSERT INTO discrepancies", StringComparison.Ordinal)) return "insert discrepancy (per discrepancy)";
        if (s.StartsWith("INSERT INTO dead_letters", StringComparison.Ordinal)) return "insert dead letter (per refusal)";
        if (s.Contains("SUM(eaches)", StringComparison.Ordinal)) return "authoritative figure (per non-authoritative report)";
        if (s.Contains("FROM items", StringComparison.Ordinal) || s.Contains("FROM nodes", StringComparison.Ordinal)
            || s.Contains("FROM segments", StringComparison.Ordinal)) return "master data reload";
        return s.Length > 60 ? s[..60] + "..." : s;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public void Dispose() => listener.Dispose();
}

/// <summary>Times each <see cref="ILedgerBulk"/> step of ingest (the row-heavy ones, per dialect).</summary>
sealed class TimedBulk(ILedgerBulk inner) : ILedgerBulk
{
    readonly Dictionary<string, (long Calls, TimeSpan Time)> stats = [];
    readonly Lock gate = new();

    public IReadOnlyDictionary<string, (long Calls, TimeSpan Time)> Snapshot()
    {
        lock (gate) return new Dictionary<string, (long, TimeSpan)>(stats);
    }

    public void Reset()
    {
        lock (gate) stats.Clear();
    }

    async Task<T> Time<T>(string step, Func<Task<T>> run)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await run();
        }
        finally
        {
            var took = Stopwatch.GetElapsedTime(start);
            lock (gate)
            {
                var s = stats.GetValueOrDefault(step);
                stats[step] = (s.Calls + 1, s.Time + took);
            }
        }
    }

    Task Time(string step, Func<Task> run) => Time(step, async () =>
    {
        await run();
        return 0;
    });

    public Task<HashSet<EventKey>> InsertEventsAsync(DbTransaction tx, IReadOnlyList<LedgerEvent> events, long receivedAt, CancellationToken ct) =>
        Time("InsertEvents", () => inner.InsertEventsAsync(tx, events, receivedAt, ct));

    public Task SetOutcomesAsync(DbTransaction tx, IReadOnlyList<(EventKey Key, string Outcome)> outcomes, CancellationToken ct) =>
        Time("SetOutcomes", () => inner.SetOutcomesAsync(tx, outcomes, ct));

    public Task<Dictionary<PositionKey, PositionState>> LockPositionsAsync(DbTransaction tx, IReadOnlyList<PositionKey> keys, CancellationToken ct) =>
        Time("LockPositions (create + lock)", () => inner.LockPositionsAsync(tx, keys, ct));

    public Task<long[]> OnHandAsOfAsync(DbTransaction tx, IReadOnlyList<LedgerProbe> probes, CancellationToken ct) =>
        Time("OnHandAsOf (count judgement)", () => inner.OnHandAsOfAsync(tx, probes, ct));

    public Task<long[]> SellableAfterAsync(DbTransaction tx, IReadOnlyList<LedgerProbe> probes, CancellationToken ct) =>
        Time("SellableAfter (re-anchor)", () => inner.SellableAfterAsync(tx, probes, ct));

    public Task SavePositionsAsync(DbTransaction tx, IReadOnlyList<PositionState> positions, long now, CancellationToken ct) =>
        Time("SavePositions", () => inner.SavePositionsAsync(tx, positions, now, ct));

    public Task AddSupplyAsync(DbTransaction tx, IReadOnlyList<SupplyLineChange> changes, long now, CancellationToken ct) =>
        Time("AddSupply", () => inner.AddSupplyAsync(tx, changes, now, ct));

    public Task<Dictionary<MovementKey, ItemMovement>> MovementAsync(DbTransaction tx, IReadOnlyList<PositionKey> positions, CancellationToken ct) =>
        Time("Movement (read)", () => inner.MovementAsync(tx, positions, ct));

    public Task AddMovementAsync(DbTransaction tx, IReadOnlyList<(MovementKey Key, ItemMovement Added)> added, CancellationToken ct) =>
        Time("AddMovement", () => inner.AddMovementAsync(tx, added, ct));
}
