using System.Diagnostics;
using System.Globalization;
using System.Text;
using InventoryRules.Api.Data;
using InventoryRules.Engine;
using Npgsql;

namespace InventoryRules.Benchmarks;

/// <summary>
/// The <c>profile</c> command: ingests batches in-process with one writer and splits each batch's time
/// into the JSON parse, every SQL statement by purpose (PostgreSQL), the <c>ILedgerBulk</c> steps, and
/// what is left (connection, BEGIN/COMMIT, engine CPU). It also times the pure-CPU part (normalizing the
/// batch) and a bare commit (a one-row INSERT in autocommit), to tell fsync from round trips from CPU.
/// </summary>
sealed class ProfileRunner(string? pgServer, bool sqlite, int batches, int warmup)
{
    const int BatchSize = 1_000;
    const string ProfileDb = "irbench_profile";

    readonly Workload workload = new();

    public async Task<int> RunAsync()
    {
        var generator = workload.NewGenerator((warmup + batches) * BatchSize);
        var opening = Workload.Chunk(generator.Opening(), BatchSize).Select(Workload.Serialize).ToList();
        var bodies = Workload.Chunk(generator.Next((warmup + batches) * BatchSize), BatchSize).Select(Workload.Serialize).ToList();
        if (pgServer is not null)
        {
            var cs = await Pg.CreateAsync(pgServer, ProfileDb);
            try
            {
                TimedBulk? timed = null;
                await using var stack = IngestStack.Postgres(cs, b => timed = new TimedBulk(b));
                await PrepareAsync(stack, opening);
                using var sql = new SqlProfile();
                await ProfileAsync("postgres", stack, timed!, sql, bodies, await CommitProbeAsync(cs));
            }
            finally
            {
                await Pg.DropAsync(pgServer, ProfileDb);
            }
        }
        if (sqlite)
        {
            var dir = Directory.CreateTempSubdirectory("irbench-profile-").FullName;
            try
            {
                TimedBulk? timed = null;
                await using var stack = IngestStack.Sqlite(Path.Combine(dir, "profile.db"), b => timed = new TimedBulk(b));
                await PrepareAsync(stack, opening);
                await ProfileAsync("sqlite", stack, timed!, null, bodies, SqliteCommitProbe(Path.Combine(dir, "profile.db")));
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dir, recursive: true);
            }
        }
        return 0;
    }

    async Task PrepareAsync(IngestStack stack, List<byte[]> opening)
    {
        var clock = Stopwatch.StartNew();
        await Migrator.MigrateAsync(stack.Db, CancellationToken.None);
        await workload.LoadMasterDataAsync(stack.Db, CancellationToken.None);
        var tally = new Tally();
        foreach (var body in opening) tally.Add(await stack.PostAsync(body, CancellationToken.None));
        Console.WriteLine($"Prepared {stack.Db.Dialect}: master data and {tally.Accepted:N0} opening counts in {clock.Elapsed.TotalSeconds:0.0} s ({tally}).");
    }

    async Task ProfileAsync(string store, IngestStack stack, TimedBulk timed, SqlProfile? sql, List<byte[]> bodies, double commitMs)
    {
        for (var i = 0; i < warmup; i++) await stack.PostAsync(bodies[i], CancellationToken.None);
        timed.Reset();
        sql?.Reset();
        var progress = new Progress($"profile {store}", (long)batches * BatchSize);
        var parse = TimeSpan.Zero;
        var ingest = TimeSpan.Zero;
        var normalize = TimeSpan.Zero;
        var tally = new Tally();
        var snapshot = await stack.Cache.GetAsync(CancellationToken.None);
        var wall = Stopwatch.StartNew();
        for (var b = warmup; b < warmup + batches; b++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var read = await IngestStack.ParseAsync(bodies[b], CancellationToken.None);
            var t1 = Stopwatch.GetTimestamp();
            tally.Add(await stack.Ingestor.IngestAsync(read.Events!, keepDeadLetters: true, CancellationToken.None));
            var t2 = Stopwatch.GetTimestamp();
            parse += Stopwatch.GetElapsedTime(t0, t1);
            ingest += Stopwatch.GetElapsedTime(t1, t2);
            progress.Report((long)(b - warmup + 1) * BatchSize);
            // Outside the batch: what normalizing alone costs (pure CPU, part of IngestAsync above).
            var n0 = Stopwatch.GetTimestamp();
            var now = DateTimeOffset.UtcNow;
            foreach (var e in read.Events!)
            {
                EventNormalizer.Normalize(e.Input!, s => snapshot.Items.GetValueOrDefault(s), n => snapshot.Nodes.GetValueOrDefault(n), now, TimeSpan.FromMinutes(5));
            }
            normalize += Stopwatch.GetElapsedTime(n0);
        }
        var total = wall.Elapsed - normalize;
        var perBatch = (parse + ingest).TotalMilliseconds / batches;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"### Profile: {store}, {batches} batches of {BatchSize:N0}, one writer, tracing on");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{(long)batches * BatchSize / total.TotalSeconds:N0} events/s while profiled; {perBatch:0.0} ms per batch; {tally}; retries logged: {stack.Log.Warnings}.");
        sb.AppendLine();
        sb.AppendLine("| step | calls per batch | ms per batch | share of batch |");
        sb.AppendLine("| --- | ---: | ---: | ---: |");
        void Row(string step, double calls, TimeSpan time) =>
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {(calls > 0 ? calls.ToString("0.##", CultureInfo.InvariantCulture) : "")} | {time.TotalMilliseconds / batches:0.00} | {time.TotalMilliseconds / batches / perBatch:P0} |");
        Row("parse JSON body (EventBatchReader)", 1, parse);
        Row("EventIngestor.IngestAsync, all of it", 1, ingest);
        if (sql is not null)
        {
            var statements = sql.Snapshot().OrderByDescending(s => s.Value.Time).ToList();
            foreach (var (label, (calls, time)) in statements) Row("&nbsp;&nbsp;SQL: " + label, (double)calls / batches, time);
            var inSql = statements.Aggregate(TimeSpan.Zero, (a, s) => a + s.Value.Time);
            Row("&nbsp;&nbsp;all SQL statements together", statements.Sum(s => (double)s.Value.Calls) / batches, inSql);
            Row("&nbsp;&nbsp;outside statements: pool open, BEGIN, COMMIT (fsync), normalize, fold, client CPU", 0, ingest - inSql);
        }
        else
        {
            var steps = timed.Snapshot();
            var inSteps = steps.Aggregate(TimeSpan.Zero, (a, s) => a + s.Value.Time);
            foreach (var (label, (calls, time)) in steps.OrderByDescending(s => s.Value.Time)) Row("&nbsp;&nbsp;ILedgerBulk." + label, (double)calls / batches, time);
            Row("&nbsp;&nbsp;outside ILedgerBulk: per-count queries, variances, feeds, outcomes, BEGIN/COMMIT, normalize, fold", 0, ingest - inSteps);
        }
        Row("(apart) normalizing the batch alone, pure CPU, inside IngestAsync above", 0, normalize);
        sb.AppendLine(CultureInfo.InvariantCulture, $"| (apart) a bare commit: one-row INSERT in autocommit, median | | {commitMs:0.00} | |");
        if (sql is not null)
        {
            sb.AppendLine();
            sb.AppendLine("ILedgerBulk steps (same run, wall time including their round trips):");
            sb.AppendLine();
            sb.AppendLine("| step | calls per batch | ms per batch | share of batch |");
            sb.AppendLine("| --- | ---: | ---: | ---: |");
            foreach (var (label, (calls, time)) in timed.Snapshot().OrderByDescending(s => s.Value.Time)) Row(label, (double)calls / batches, time);
        }
        Console.WriteLine();
        Console.WriteLine(sb.ToString());
    }

    static async Task<double> CommitProbeAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS commit_probe (i int)", conn)) await create.ExecuteNonQueryAsync();
        var times = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            await using var cmd = new NpgsqlCommand("INSERT INTO commit_probe VALUES (1)", conn);
            var t = Stopwatch.GetTimestamp();
            await cmd.ExecuteNonQueryAsync();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        await using (var drop = new NpgsqlCommand("DROP TABLE commit_probe", conn)) await drop.ExecuteNonQueryAsync();
        times.Sort();
        return times[times.Count / 2];
    }

    static double SqliteCommitProbe(string file)
    {
        using var conn = References.OpenSqlite(file);
        using (var create = conn.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS commit_probe (i int)";
            create.ExecuteNonQuery();
        }
        var times = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "INSERT INTO commit_probe VALUES (1)";
            var t = Stopwatch.GetTimestamp();
            cmd.ExecuteNonQuery();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
