using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Jobs;
using InventoryRules.Engine;
using InventoryRules.Engine.Operations;

namespace InventoryRules.Api.Operations;

/// <summary>
/// accuracy_daily: per node and UTC day, the additive parts of record accuracy from count_variances. The job
/// recomputes the days of its window and writes only what differs, so a rerun changes nothing.
/// </summary>
public sealed class AccuracyRollups(Database db, Microsoft.Extensions.Options.IOptions<IngestOptions> ingest, TimeProvider clock, ILogger<AccuracyRollups> log)
{
    public const string Basis = "per node, network-wide, and per segment over the nodes that served the segment's orders in the range "
        + "(the decision log): which nodes serve a segment is decided per order by its rule set, not fixed in master data";

    // Which nodes allocated each segment's orders in the range.
    const string SegmentNodes = """
        SELECT DISTINCT d.segment AS Segment, l.node AS Node
        FROM decision_lines l JOIN decisions d ON d.id = l.decision_id
        WHERE l.node IS NOT NULL AND l.created_at >= @from AND l.created_at < @to
        """;

    const long MicrosPerDay = 86_400_000_000;

    readonly AnomalyPolicy policy = ingest.Value.ToPolicy();

    public static long DayOf(long micros) => (micros >= 0 ? micros : micros - MicrosPerDay + 1) / MicrosPerDay * MicrosPerDay;

    /// <summary>Recomputes the days from <paramref name="windowDays"/> ago to today, in one transaction with the checkpoint.</summary>
    public Task<(int Changed, int Unchanged, int Removed)> RecomputeAsync(JobRun run, int windowDays, string checkpoint, CancellationToken ct) =>
        StoreRetry.WriteAsync(db, log, "accuracy rollup", async () =>
        {
            var now = Instants.ToMicros(clock.GetUtcNow());
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            // The first rollup covers the whole history, so no day before the window is left without figures;
            // later ones recompute the window only (older counts do not change: late ones older than the
            // window are rare, and retention refuses those before its cutoff).
            var first = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM accuracy_daily", transaction: tx, cancellationToken: ct)) == 0;
            var from = first ? 0 : DayOf(now) - (windowDays - 1) * MicrosPerDay;
            var counts = await conn.QueryAsync<CountRow>(new CommandDefinition(
                "SELECT node AS Node, counted_at AS CountedAt, counted AS Counted, system AS System FROM count_variances WHERE counted_at >= @from",
                new { from }, tx, cancellationToken: ct));
            var computed = counts.GroupBy(c => (c.Node, Day: DayOf(c.CountedAt)))
                .ToDictionary(g => g.Key, g => g.Aggregate(default(AccuracyParts), (sum, c) => sum.Add(AccuracyParts.Of(c.Counted, c.System, policy))));
            var stored = (await conn.QueryAsync<DayRow>(new CommandDefinition("""
                SELECT node AS Node, day AS Day, counts AS Counts, within_tolerance AS WithinTolerance, counted_units AS CountedUnits,
                       absolute_variance AS AbsoluteVariance FROM accuracy_daily WHERE day >= @from
                """, new { from }, tx, cancellationToken: ct))).ToDictionary(r => (r.Node, r.Day), r => r.Parts);
            var changed = computed.Where(c => !stored.TryGetValue(c.Key, out var old) || old != c.Value).ToList();
            var removed = stored.Keys.Where(k => !computed.ContainsKey(k)).ToList();
            foreach (var ((node, day), p) in changed)
            {
                await conn.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO accuracy_daily (node, day, counts, within_tolerance, counted_units, absolute_variance, computed_at)
                    VALUES (@node, @day, @Counts, @WithinTolerance, @CountedUnits, @AbsoluteVariance, @now)
                    ON CONFLICT (node, day) DO UPDATE SET counts = excluded.counts, within_tolerance = excluded.within_tolerance,
                        counted_units = excluded.counted_units, absolute_variance = excluded.absolute_variance, computed_at = excluded.computed_at
                    """, new { node, day, p.Counts, p.WithinTolerance, p.CountedUnits, p.AbsoluteVariance, now }, tx, cancellationToken: ct));
            }
            foreach (var (node, day) in removed)
            {
                await conn.ExecuteAsync(new CommandDefinition("DELETE FROM accuracy_daily WHERE node = @node AND day = @day", new { node, day }, tx, cancellationToken: ct));
            }
            run.Count("accuracy_days_changed", changed.Count + removed.Count);
            foreach (var node in changed.Select(c => c.Key.Node).Distinct().Order(StringComparer.Ordinal))
            {
                var total = computed.Where(c => c.Key.Node == node).Aggregate(default(AccuracyParts), (s, c) => s.Add(c.Value));
                run.Note($"{node}: {total.WithinTolerance} of {total.Counts} counts within tolerance over the last {windowDays} days, "
                    + $"unit accuracy {total.UnitAccuracy:P1}");
            }
            await run.SaveAsync(tx, checkpoint, 0, null, ct);
            await tx.CommitAsync(ct);
            return (changed.Count, computed.Count - changed.Count, removed.Count);
        }, ct);

    /// <summary>Whole UTC days from the day of <paramref name="from"/> up to <paramref name="to"/>.</summary>
    public async Task<AccuracyReportDto> ReportAsync(string? node, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var fromDay = DayOf(Instants.ToMicros(from));
        await using var conn = await db.OpenAsync(ct);
        var rows = (await conn.QueryAsync<DayRow>(new CommandDefinition("""
            SELECT node AS Node, day AS Day, counts AS Counts, within_tolerance AS WithinTolerance, counted_units AS CountedUnits,
                   absolute_variance AS AbsoluteVariance, computed_at AS ComputedAt
            FROM accuracy_daily WHERE day >= @fromDay AND day < @to AND (@node IS NULL OR node = @node)
            """, new { fromDay, to = Instants.ToMicros(to), node }, cancellationToken: ct))).ToList();
        var network = rows.Aggregate(default(AccuracyParts), (s, r) => s.Add(r.Parts));
        var nodes = rows.GroupBy(r => r.Node).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => AccuracyFiguresDto.From(g.Key, g.Aggregate(default(AccuracyParts), (s, r) => s.Add(r.Parts)))).ToList();
        var served = await conn.QueryAsync<(string Segment, string Node)>(new CommandDefinition(SegmentNodes,
            new { from = fromDay, to = Instants.ToMicros(to) }, cancellationToken: ct));
        var segments = served.GroupBy(s => s.Segment).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var nodesServing = g.Select(s => s.Node).Where(n => node is null || n == node).ToHashSet(StringComparer.Ordinal);
            var parts = rows.Where(r => nodesServing.Contains(r.Node)).Aggregate(default(AccuracyParts), (sum, r) => sum.Add(r.Parts));
            return new AccuracySegmentDto(g.Key, [.. nodesServing.Order(StringComparer.Ordinal)], AccuracyFiguresDto.From(null, parts));
        }).ToList();
        return new AccuracyReportDto(Instants.FromMicros(fromDay), to, Basis, AccuracyFiguresDto.From(null, network), nodes, segments,
            Instants.FromMicros(rows.Count == 0 ? null : rows.Max(r => r.ComputedAt)));
    }

    sealed class CountRow
    {
        public string Node { get; init; } = "";
        public long CountedAt { get; init; }
        public long Counted { get; init; }
        public long System { get; init; }
    }

    sealed class DayRow
    {
        public string Node { get; init; } = "";
        public long Day { get; init; }
        public long Counts { get; init; }
        public long WithinTolerance { get; init; }
        public long CountedUnits { get; init; }
        public long AbsoluteVariance { get; init; }
        public long ComputedAt { get; init; }

        public AccuracyParts Parts => new(Counts, WithinTolerance, CountedUnits, AbsoluteVariance);
    }
}
