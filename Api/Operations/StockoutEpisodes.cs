using System.Data.Common;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Ingest;
using InventoryRules.Api.Jobs;
using InventoryRules.Api.Positions;
using InventoryRules.Engine.Operations;

namespace InventoryRules.Api.Operations;

/// <summary>
/// stockout_episodes, kept in step with the ledger incrementally: each run looks at the positions whose events
/// arrived since the last run, and recomputes their episodes from the earliest instant those events touched
/// (late events rewrite history from where they landed). Recomputing writes only the difference, so overlapping
/// runs and resumed attempts change nothing twice.
/// </summary>
public sealed class StockoutEpisodes(Database db, TimeProvider clock, ILogger<StockoutEpisodes> log)
{
    public const string Watermark = "accuracy-rollup:stockouts";

    const string Touched = """
        SELECT sku AS Sku, node AS Node, MIN(occurred_at) AS FirstAt FROM events
        WHERE authoritative = TRUE AND (@since IS NULL OR received_at > @since) AND received_at <= @until
          AND (sku > @afterSku OR (sku = @afterSku AND node > @afterNode))
        GROUP BY sku, node
        ORDER BY sku, node
        LIMIT @limit
        """;

    const string Moves = """
        SELECT occurred_at AS At, d_on_hand AS Delta, count_qty AS Count, source AS Source, event_id AS EventId FROM events
        WHERE sku = @sku AND node = @node AND authoritative = TRUE AND occurred_at >= @from
          AND (d_on_hand <> 0 OR type = 'cycle_count')
        """;

    const string Existing = """
        SELECT started_at AS StartedAt, ended_at AS EndedAt FROM stockout_episodes
        WHERE sku = @sku AND node = @node AND (started_at >= @from OR ended_at IS NULL OR ended_at >= @from)
        """;

    public async Task<long?> WatermarkAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return await conn.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT at FROM job_watermarks WHERE job = @job", new { job = Watermark }, cancellationToken: ct));
    }

    /// <summary>Walks the next batch of touched positions; on the last (empty) batch moves the watermark. Null when done.</summary>
    public Task<RollupCheckpoint?> NextBatchAsync(JobRun run, RollupCheckpoint at, int size, CancellationToken ct) =>
        StoreRetry.WriteAsync(db, log, "stockout episodes", async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var touched = (await conn.QueryAsync<TouchedRow>(new CommandDefinition(Touched,
                new { since = at.Since, until = at.Until, afterSku = at.AfterSku, afterNode = at.AfterNode, limit = size }, tx, cancellationToken: ct))).ToList();
            if (touched.Count == 0)
            {
                await conn.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO job_watermarks (job, at) VALUES (@job, @at) ON CONFLICT (job) DO UPDATE SET at = excluded.at
                    """, new { job = Watermark, at = at.Until }, tx, cancellationToken: ct));
                await run.SaveAsync(tx, at.Write(), run.Done, run.Total, ct);
                await tx.CommitAsync(ct);
                return null;
            }
            foreach (var p in touched) await WalkAsync(tx, run, p, ct);
            run.Count("stockout_positions", touched.Count);
            var next = at with { AfterSku = touched[^1].Sku, AfterNode = touched[^1].Node };
            await run.SaveAsync(tx, next.Write(), run.Done + touched.Count, run.Total, ct);
            await tx.CommitAsync(ct);
            return next;
        }, ct);

    async Task WalkAsync(DbTransaction tx, JobRun run, TouchedRow p, CancellationToken ct)
    {
        var conn = tx.Connection!;
        var args = new { sku = p.Sku, node = p.Node, from = p.FirstAt };
        var before = await LedgerQueries.OnHandAsOfAsync(conn, tx, p.Sku, p.Node, p.FirstAt - 1, null, ct);
        var existing = (await conn.QueryAsync<EpisodeRow>(new CommandDefinition(Existing, args, tx, cancellationToken: ct))).ToList();
        var carried = existing.Where(e => e.StartedAt < p.FirstAt).Select(e => (long?)e.StartedAt).FirstOrDefault();
        var stockedBefore = carried is not null || await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM stockout_episodes WHERE sku = @sku AND node = @node AND started_at < @from", args, tx, cancellationToken: ct)) > 0;
        var moves = (await conn.QueryAsync<MoveRow>(new CommandDefinition(Moves, args, tx, cancellationToken: ct)))
            .Select(m => new SellableMove(Instants.FromMicros(m.At), m.Delta, m.Count, new(m.Source, m.EventId)));
        var computed = StockoutWalk.Walk(before, Instants.FromMicros(carried), stockedBefore, moves)
            .Select(e => new EpisodeRow { StartedAt = Instants.ToMicros(e.Start), EndedAt = Instants.ToMicros(e.End) }).ToList();
        foreach (var gone in existing.Where(e => !computed.Any(c => c.StartedAt == e.StartedAt)))
        {
            await conn.ExecuteAsync(new CommandDefinition("DELETE FROM stockout_episodes WHERE sku = @sku AND node = @node AND started_at = @StartedAt",
                new { sku = p.Sku, node = p.Node, gone.StartedAt }, tx, cancellationToken: ct));
            run.Count("episodes_removed");
        }
        foreach (var episode in computed.Where(c => !existing.Any(e => e.StartedAt == c.StartedAt && e.EndedAt == c.EndedAt)))
        {
            await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO stockout_episodes (sku, node, started_at, ended_at) VALUES (@sku, @node, @StartedAt, @EndedAt)
                ON CONFLICT (sku, node, started_at) DO UPDATE SET ended_at = excluded.ended_at
                """, new { sku = p.Sku, node = p.Node, episode.StartedAt, episode.EndedAt }, tx, cancellationToken: ct));
            run.Count(episode.EndedAt is null ? "episodes_open" : "episodes_closed");
            run.Note(episode.EndedAt is { } end
                ? $"{p.Sku} @ {p.Node}: out of stock from {Instants.FromMicros(episode.StartedAt):O} to {Instants.FromMicros(end):O} ({Hours(end - episode.StartedAt)})"
                : $"{p.Sku} @ {p.Node}: out of stock since {Instants.FromMicros(episode.StartedAt):O}");
        }
    }

    public async Task<ResultPage<StockoutDto>> ListAsync(string? sku, string? node, bool? open, int page, int pageSize, CancellationToken ct)
    {
        const string Where = """
             WHERE (@sku IS NULL OR sku = @sku) AND (@node IS NULL OR node = @node)
               AND (@open IS NULL OR (@open = TRUE AND ended_at IS NULL) OR (@open = FALSE AND ended_at IS NOT NULL))
            """;
        var args = new { sku, node, open, limit = pageSize, offset = (long)(page - 1) * pageSize };
        await using var conn = await db.OpenAsync(ct);
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM stockout_episodes" + Where, args, cancellationToken: ct));
        var rows = await conn.QueryAsync<ListRow>(new CommandDefinition(
            "SELECT sku AS Sku, node AS Node, started_at AS StartedAt, ended_at AS EndedAt FROM stockout_episodes" + Where
            + " ORDER BY started_at DESC, sku, node LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        var now = Instants.ToMicros(clock.GetUtcNow());
        return new ResultPage<StockoutDto>([.. rows.Select(r => new StockoutDto(r.Sku, r.Node, Instants.FromMicros(r.StartedAt),
            Instants.FromMicros(r.EndedAt), r.EndedAt is null, Math.Max(0, ((r.EndedAt ?? now) - r.StartedAt) / 1_000_000)))], page, pageSize, total);
    }

    static string Hours(long micros) => $"{micros / 3_600_000_000.0:0.#} h";

    sealed class TouchedRow
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long FirstAt { get; init; }
    }

    sealed class MoveRow
    {
        public long At { get; init; }
        public long Delta { get; init; }
        public long? Count { get; init; }
        public string Source { get; init; } = "";
        public string EventId { get; init; } = "";
    }

    sealed class EpisodeRow
    {
        public long StartedAt { get; init; }
        public long? EndedAt { get; init; }
    }

    sealed class ListRow
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long StartedAt { get; init; }
        public long? EndedAt { get; init; }
    }
}
