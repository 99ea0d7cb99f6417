using System.Data.Common;
using System.Text.Json;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// job_runs: one row per (job, occurrence). The unique key is what makes a run happen once per occurrence
/// however many instances or retries reach it; the heartbeat tells a live run from one whose instance died.
/// </summary>
public sealed class JobRunRepository(Database db, TimeProvider clock, ILogger<JobRunRepository> log)
{
    const string Columns = """
        id AS Id, job AS Job, occurrence AS Occurrence, argument AS Argument, status AS Status, started_at AS StartedAt,
        heartbeat_at AS HeartbeatAt, finished_at AS FinishedAt, attempts AS Attempts, checkpoint AS Checkpoint, done AS Done,
        total AS Total, summary AS Summary, report AS Report, message AS Message
        """;

    const string Insert = """
        INSERT INTO job_runs (id, job, occurrence, argument, status, started_at, heartbeat_at, attempts, done, summary, report)
        VALUES (@id, @job, @occurrence, @argument, 'running', @now, @now, 1, 0, '{}', '[]')
        ON CONFLICT (job, occurrence) DO NOTHING
        """;

    // A failed run, or a running one whose heartbeat stopped (its instance was killed), is taken over.
    const string TakeOver = """
        UPDATE job_runs SET status = 'running', attempts = attempts + 1, heartbeat_at = @now, message = NULL
        WHERE id = @id AND (status = 'failed' OR (status = 'running' AND heartbeat_at < @staleBefore))
        """;

    /// <summary>
    /// The run to work on for this occurrence: a new one, or one to resume. Null when the occurrence already
    /// succeeded or a live attempt elsewhere is on it.
    /// </summary>
    public async Task<JobRunRecord?> BeginAsync(string job, string occurrence, string? argument, TimeSpan staleAfter, CancellationToken ct)
    {
        var now = Instants.ToMicros(clock.GetUtcNow());
        return await StoreRetry.WriteAsync(db, log, "job run start", async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            var id = $"run-{Guid.NewGuid():N}";
            if (await conn.ExecuteAsync(new CommandDefinition(Insert, new { id, job, occurrence, argument, now }, cancellationToken: ct)) == 1)
            {
                return await GetAsync(conn, id, ct);
            }
            var existing = await conn.QuerySingleAsync<JobRunRecord>(new CommandDefinition(
                $"SELECT {Columns} FROM job_runs WHERE job = @job AND occurrence = @occurrence", new { job, occurrence }, cancellationToken: ct));
            if (existing.Status == JobRunStatus.Succeeded) return null;
            var staleBefore = now - (long)staleAfter.TotalMicroseconds;
            var taken = await conn.ExecuteAsync(new CommandDefinition(TakeOver, new { id = existing.Id, now, staleBefore }, cancellationToken: ct));
            return taken == 1 ? await GetAsync(conn, existing.Id, ct) : null;
        }, ct);
    }

    public async Task SaveAsync(DbTransaction tx, string id, string? checkpoint, long done, long? total,
        IReadOnlyDictionary<string, long> summary, IReadOnlyList<string> report, CancellationToken ct)
    {
        await tx.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE job_runs SET checkpoint = @checkpoint, done = @done, total = @total, summary = @summary, report = @report, heartbeat_at = @now
            WHERE id = @id
            """, new
        {
            id, checkpoint, done, total, summary = JsonSerializer.Serialize(summary), report = JsonSerializer.Serialize(report),
            now = Instants.ToMicros(clock.GetUtcNow()),
        }, tx, cancellationToken: ct));
    }

    public Task ProgressAsync(string id, long done, long? total, IReadOnlyDictionary<string, long> summary, IReadOnlyList<string> report, CancellationToken ct) =>
        WriteAsync("job run progress", """
            UPDATE job_runs SET done = @done, total = @total, summary = @summary, report = @report, heartbeat_at = @now WHERE id = @id
            """, new
        {
            id, done, total, summary = JsonSerializer.Serialize(summary), report = JsonSerializer.Serialize(report),
            now = Instants.ToMicros(clock.GetUtcNow()),
        }, ct);

    public Task HeartbeatAsync(string id, CancellationToken ct) =>
        WriteAsync("job run heartbeat", "UPDATE job_runs SET heartbeat_at = @now WHERE id = @id AND status = 'running'",
            new { id, now = Instants.ToMicros(clock.GetUtcNow()) }, ct);

    public Task FinishAsync(JobRun run, string status, string? message, CancellationToken ct) =>
        WriteAsync("job run end", """
            UPDATE job_runs SET status = @status, message = @message, finished_at = @now, heartbeat_at = @now,
                done = @done, total = @total, summary = @summary, report = @report
            WHERE id = @id
            """, new
        {
            id = run.Id, status, message, done = run.Done, total = run.Total, summary = JsonSerializer.Serialize(run.Summary),
            report = JsonSerializer.Serialize(run.Report), now = Instants.ToMicros(clock.GetUtcNow()),
        }, ct);

    /// <summary>The status of the run of this occurrence; null when none was started.</summary>
    public async Task<string?> StatusAsync(string job, string occurrence, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return await conn.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT status FROM job_runs WHERE job = @job AND occurrence = @occurrence", new { job, occurrence }, cancellationToken: ct));
    }

    public async Task<JobRunRecord?> GetAsync(string id, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return await GetAsync(conn, id, ct);
    }

    /// <summary>The latest run of every job that has run.</summary>
    public async Task<IReadOnlyDictionary<string, JobRunRecord>> LatestAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<JobRunRecord>(new CommandDefinition($"""
            SELECT {Columns} FROM job_runs r
            WHERE started_at = (SELECT MAX(started_at) FROM job_runs l WHERE l.job = r.job)
            """, cancellationToken: ct));
        return rows.GroupBy(r => r.Job).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!, StringComparer.Ordinal);
    }

    public async Task<(IReadOnlyList<JobRunRecord> Items, long Total)> ListAsync(string job, int page, int pageSize, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM job_runs WHERE job = @job", new { job }, cancellationToken: ct));
        var items = await conn.QueryAsync<JobRunRecord>(new CommandDefinition($"""
            SELECT {Columns} FROM job_runs WHERE job = @job ORDER BY started_at DESC, id LIMIT @limit OFFSET @offset
            """, new { job, limit = pageSize, offset = (page - 1) * pageSize }, cancellationToken: ct));
        return ([.. items], total);
    }

    static Task<JobRunRecord?> GetAsync(DbConnection conn, string id, CancellationToken ct) =>
        conn.QuerySingleOrDefaultAsync<JobRunRecord>(new CommandDefinition($"SELECT {Columns} FROM job_runs WHERE id = @id", new { id }, cancellationToken: ct));

    Task WriteAsync(string what, string sql, object args, CancellationToken ct) =>
        StoreRetry.WriteAsync(db, log, what, async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            return await conn.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
        }, ct);
}
