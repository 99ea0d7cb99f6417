using System.Text;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;

namespace InventoryRules.Api.Experiments;

/// <summary>experiments and experiment_replays: create, read, the state changes, and the replays with their job runs' progress.</summary>
public sealed class ExperimentRepository(Database db, ILogger<ExperimentRepository> log)
{
    const string Columns = """
        id AS Id, name AS Name, segment AS Segment, control_rule_set_id AS ControlRuleSetId, control_version AS ControlVersion,
        variant_rule_set_id AS VariantRuleSetId, variant_version AS VariantVersion, traffic_share AS TrafficShare,
        window_from AS WindowFrom, window_to AS WindowTo, assignment_key AS AssignmentKey, status AS Status, created_by AS CreatedBy,
        created_at AS CreatedAt, started_at AS StartedAt, stopped_at AS StoppedAt
        """;

    const string Insert = """
        INSERT INTO experiments (id, name, segment, control_rule_set_id, control_version, variant_rule_set_id, variant_version, traffic_share,
                                 window_from, window_to, assignment_key, status, created_by, created_at)
        VALUES (@Id, @Name, @Segment, @ControlRuleSetId, @ControlVersion, @VariantRuleSetId, @VariantVersion, @TrafficShare,
                @WindowFrom, @WindowTo, @AssignmentKey, @Status, @CreatedBy, @CreatedAt)
        """;

    // Another running experiment of the segment whose window overlaps: two would fight over the same orders.
    const string OverlapCondition = """
        o.segment = @segment AND o.status = 'running' AND o.id <> @id AND o.window_from < @to AND @from < o.window_to
        """;

    const string Start = $"""
        UPDATE experiments SET status = 'running', started_at = @now
        WHERE id = @id AND status = 'draft' AND NOT EXISTS (SELECT 1 FROM experiments o WHERE {OverlapCondition})
        """;

    const string Stop = "UPDATE experiments SET status = 'stopped', stopped_at = @now WHERE id = @id AND status = 'running'";

    const string ReplayColumns = """
        r.id AS Id, r.experiment_id AS ExperimentId, r.from_at AS FromAt, r.to_at AS ToAt, r.created_by AS CreatedBy, r.created_at AS CreatedAt,
        j.id AS RunId, j.status AS RunStatus, j.done AS Done, j.total AS Total, j.started_at AS RunStartedAt, j.finished_at AS RunFinishedAt,
        j.message AS Message
        FROM experiment_replays r
        LEFT JOIN job_runs j ON j.job = 'experiment-replay' AND j.occurrence = 'replay:' || r.id
        """;

    public enum Change { Done, NotFound, WrongState, Overlap }

    public Task InsertAsync(ExperimentRecord record, CancellationToken ct) => WriteAsync("experiment create", Insert, record, ct);

    public async Task<ExperimentRecord?> GetAsync(string id, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<ExperimentRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM experiments WHERE id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<ExperimentRecord>> ListAsync(string? segment, string? status, CancellationToken ct)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM experiments WHERE 1 = 1");
        if (segment is not null) sql.Append(" AND segment = @segment");
        if (status is not null) sql.Append(" AND status = @status");
        sql.Append(" ORDER BY created_at DESC, id DESC");
        await using var conn = await db.OpenAsync(ct);
        return [.. await conn.QueryAsync<ExperimentRecord>(new CommandDefinition(sql.ToString(), new { segment, status }, cancellationToken: ct))];
    }

    public Task<IReadOnlyList<ExperimentRecord>> RunningAsync(CancellationToken ct) => ListAsync(null, ExperimentRecord.Running, ct);

    /// <summary>The running experiments of the segment whose windows overlap [from, to), other than <paramref name="id"/>.</summary>
    public async Task<IReadOnlyList<ExperimentRecord>> OverlappingAsync(string id, string segment, long from, long to, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<ExperimentRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM experiments o WHERE {OverlapCondition}",
            new { id, segment, from, to }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>
    /// draft → running, unless another running experiment of the segment overlaps the window. The check and the
    /// change are one statement; on PostgreSQL a lock per segment also keeps two concurrent starts from both passing.
    /// </summary>
    public Task<Change> StartAsync(ExperimentRecord experiment, long now, CancellationToken ct) =>
        StoreRetry.WriteAsync(db, log, "experiment start", async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            if (db.IsPostgres)
            {
                await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext('experiment:' || @segment))",
                    new { segment = experiment.Segment }, tx, cancellationToken: ct));
            }
            var changed = await conn.ExecuteAsync(new CommandDefinition(Start, new
            {
                id = experiment.Id, segment = experiment.Segment, from = experiment.WindowFrom, to = experiment.WindowTo, now,
            }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return changed == 1 ? Change.Done : await WhyNotAsync(experiment.Id, ExperimentRecord.Draft, ct);
        }, ct);

    /// <summary>running → stopped.</summary>
    public async Task<Change> StopAsync(string id, long now, CancellationToken ct)
    {
        var changed = await StoreRetry.WriteAsync(db, log, "experiment stop", async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            return await conn.ExecuteAsync(new CommandDefinition(Stop, new { id, now }, cancellationToken: ct));
        }, ct);
        return changed == 1 ? Change.Done : await WhyNotAsync(id, ExperimentRecord.Running, ct);
    }

    public Task InsertReplayAsync(ReplayRecord replay, CancellationToken ct) => WriteAsync("replay create", """
        INSERT INTO experiment_replays (id, experiment_id, from_at, to_at, created_by, created_at)
        VALUES (@Id, @ExperimentId, @FromAt, @ToAt, @CreatedBy, @CreatedAt)
        """, replay, ct);

    public async Task<ReplayRecord?> GetReplayAsync(string id, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<ReplayRecord>(new CommandDefinition(
            $"SELECT {ReplayColumns} WHERE r.id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>The latest replay of each of these experiments.</summary>
    public async Task<IReadOnlyDictionary<string, ReplayRecord>> LatestReplaysAsync(IReadOnlyCollection<string> experimentIds, CancellationToken ct)
    {
        if (experimentIds.Count == 0) return new Dictionary<string, ReplayRecord>();
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<ReplayRecord>(new CommandDefinition(
            $"SELECT {ReplayColumns} WHERE " + SqlLists.AnyOf(db.IsPostgres, "r.experiment_id", "ids"), new { ids = experimentIds.ToArray() },
            cancellationToken: ct));
        return rows.GroupBy(r => r.ExperimentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Last(), StringComparer.Ordinal);
    }

    async Task<Change> WhyNotAsync(string id, string expected, CancellationToken ct)
    {
        if (await GetAsync(id, ct) is not { } now) return Change.NotFound;
        return now.Status == expected ? Change.Overlap : Change.WrongState;
    }

    Task WriteAsync(string what, string sql, object args, CancellationToken ct) =>
        StoreRetry.WriteAsync(db, log, what, async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            return await conn.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
        }, ct);
}
