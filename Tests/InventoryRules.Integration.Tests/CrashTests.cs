using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Npgsql;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// Crash safety of ingest: the real service, a separate process, is killed with SIGKILL while a
/// large batch is inside its database transaction, then restarted on the same store. Nothing of the
/// killed batch may remain (one transaction per batch), what committed before stays, and resending
/// counts every event exactly once (idempotency), however often the service died on the way.
/// </summary>
[TestFixture(Store.Sqlite)]
[TestFixture(Store.Postgres)]
public sealed class CrashTests(string provider)
{
    const int BatchSize = 10_000;
    const int RoundSize = 5_000;
    const string Scanner = "STORE-SCANNER";
    static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(90);

    readonly ServiceProcesses services = [];
    Store store = null!;

    [SetUp]
    public async Task CreateStore() => store = await Store.CreateAsync(provider, "crashtests");

    [TearDown]
    public async Task StopServices()
    {
        await services.StopAllAsync();
        store.DeleteSqliteFiles();
    }

    [Test]
    public async Task PostEvents_ServiceKilledMidBatch_ResendCountsEveryEventOnce()
    {
        var first = await StartAsync();
        string sku;
        using (var setup = first.ClientFor("integration"))
        {
            await LoadAsync(setup);
            sku = await Items.NewAsync(setup);
        }
        var events = Enumerable.Range(0, BatchSize).Select(i => Ev.Make("receipt", sku, Dc, 1, T0.AddSeconds(i), id: $"{sku}-{i:D5}")).ToArray();
        var body = Body(events);
        using (var setup = first.ClientFor("integration"))
        {
            // One event of the batch is stored before: the killed transaction holds a duplicate too, and
            // on PostgreSQL its position exists, so the kill can wait for the batch at that position's lock.
            (await PostAsync(setup, Body(events[..1]))).Should().Be(new Answer(1, 0, 0));
        }

        var kill = await PostAndKillAsync(first, body, Deterministic(sku, Dc));

        kill.Error.Should().BeAssignableTo<HttpRequestException>($"the service died with the batch in flight; {kill}");
        var second = await StartAsync();
        using var client = second.ClientFor("integration");
        (await LedgerAsync(client, sku, Dc)).Should().Be(new Ledger(1, 1),
            $"the batch was killed inside its transaction ({kill}): none of it survives, and the event stored before stays");

        var resent = await PostAsync(client, body);
        resent.Should().Be(new Answer(BatchSize - 1, 1, 0), "nothing of the killed attempt was stored, so all but the first event are new");
        var again = await PostAsync(client, body);
        again.Should().Be(new Answer(0, BatchSize, 0), "every event is stored now, so every one is a duplicate");
        (await LedgerAsync(client, sku, Dc)).Should().Be(new Ledger(BatchSize, BatchSize));
    }

    [Test]
    public async Task PostEvents_KilledRepeatedlyAcrossOverlappingBatches_EveryEventCountedOnce()
    {
        var random = new Random(4711);
        var service = await StartAsync();
        string[] skus;
        using (var setup = service.ClientFor("integration"))
        {
            await LoadAsync(setup);
            skus = [await Items.NewAsync(setup), await Items.NewAsync(setup), await Items.NewAsync(setup)];
        }
        var pool = Pool(random, skus, 5 * RoundSize / 2);
        // Each batch shares half its events with the one before: a killed batch holds stored events as
        // well as new ones, and the final resend meets both.
        Flow[][] batches = [.. Enumerable.Range(0, 4).Select(k => Shuffled(random, pool.Skip(k * RoundSize / 2).Take(RoundSize)))];
        var committed = new HashSet<Flow>();

        // The first batch goes through whole; how long its transaction holds the store places the later kills.
        var (answer, writing) = await PostAndMeasureAsync(service, Body(batches[0]));
        answer.Should().Be(new Answer(RoundSize, 0, 0));
        committed.UnionWith(batches[0]);

        var kills = new List<string>();
        for (var round = 1; round < batches.Length; round++)
        {
            var small = batches[round].Take(300).ToArray();
            using (var client = service.ClientFor("integration"))
            {
                await ExpectLedgersAsync(client, skus, pool, committed, $"before round {round}, after kills: {string.Join("; ", kills)}");
                // A small batch that commits just before the crash must survive it.
                (await PostAsync(client, Body(small))).Accepted.Should().Be(small.Count(f => !committed.Contains(f)));
                committed.UnionWith(small);
            }
            var point = round switch
            {
                1 => KillPoint.FirstWrite,
                2 when store.Provider == Store.Postgres => KillPoint.AtPositionLock(small[0].Sku, small[0].Node),
                2 => KillPoint.After(writing * 0.5),
                _ => KillPoint.After(writing * 0.8),
            };

            var kill = await PostAndKillAsync(service, Body(batches[round]), point);
            kills.Add($"round {round}: {kill}");
            service = await StartAsync();

            using (var client = service.ClientFor("integration"))
            {
                var after = await LedgersAsync(client, skus);
                var whole = new HashSet<Flow>(committed.Concat(batches[round]));
                if (!point.Certain && after.SequenceEqual(Expected(skus, pool, whole)))
                {
                    // A kill placed by time may come after the commit: the batch is then whole, which is allowed.
                    committed = whole;
                    await TestContext.Out.WriteLineAsync($"round {round}: {kill}; the batch had committed");
                    continue;
                }
                kill.Error.Should().BeAssignableTo<HttpRequestException>($"the service died with the batch in flight; {kill}");
                after.Should().Equal(Expected(skus, pool, committed),
                    $"a batch killed inside its transaction ({kill}) leaves nothing, and what committed before it stays");
                await TestContext.Out.WriteLineAsync($"round {round}: {kill}; nothing of the batch survived");
            }
        }

        using (var client = service.ClientFor("integration"))
        {
            var answers = new List<Answer>();
            foreach (var batch in batches) answers.Add(await PostAsync(client, Body(batch)));
            answers.Should().OnlyContain(a => a.Accepted + a.Duplicates == RoundSize && a.Rejected == 0);
            answers.Sum(a => a.Accepted).Should().Be(pool.Length - committed.Count,
                $"each event not stored before is accepted exactly once (kills: {string.Join("; ", kills)})");
            (await PostAsync(client, Body(batches[^1]))).Should().Be(new Answer(0, RoundSize, 0));
            await ExpectLedgersAsync(client, skus, pool, new HashSet<Flow>(pool), "after the resends");
        }
    }

    async Task<ServiceProcess> StartAsync()
    {
        var service = await ServiceProcess.StartAsync(store);
        services.Add(service);
        return service;
    }

    /// <summary>
    /// A kill that lands inside the transaction for certain. PostgreSQL: the test holds the lock of a
    /// position the batch touches, so the batch's transaction waits there after writing its events.
    /// SQLite lets no one see inside a write, so the kill comes as soon as the transaction holds the store.
    /// </summary>
    KillPoint Deterministic(string sku, string node) =>
        store.Provider == Store.Postgres ? KillPoint.AtPositionLock(sku, node) : KillPoint.FirstWrite;

    /// <summary>
    /// Posts the batch and kills the service with SIGKILL at <paramref name="point"/> of its write
    /// transaction, watching the store from outside the service; then waits until the store has rolled
    /// back whatever the dead service left open.
    /// </summary>
    async Task<Kill> PostAndKillAsync(ServiceProcess service, byte[] body, KillPoint point)
    {
        await using var watch = await WriteWatch.OpenAsync(store);
        await using var holder = point.Position is { } held ? await PositionLock.TakeAsync(store, held.Sku, held.Node) : null;
        using var client = service.ClientFor("integration");
        var clock = Stopwatch.StartNew();
        var post = client.PostAsync("/v1/events", Content(body));
        while (!(holder is null ? await watch.IsWritingAsync() : await watch.IsWaitingForLockAsync()))
        {
            if (post.IsCompleted)
            {
                using var early = await post;
                Assert.Fail($"the batch ended ({(int)early.StatusCode}) after {clock.ElapsedMilliseconds} ms before the service was seen "
                    + $"{(holder is null ? "writing it" : "waiting for the position lock")}: {await early.Content.ReadAsStringAsync()}\n{service.Output}");
            }
            if (clock.Elapsed > WaitLimit) Assert.Fail($"the service was not seen writing within {WaitLimit.TotalSeconds:0} s\n{service.Output}");
            await Task.Delay(1);
        }
        var seen = clock.Elapsed;
        if (point.Delay > TimeSpan.Zero) await Task.Delay(point.Delay);
        service.Kill();
        var killed = clock.Elapsed;
        Exception? error = null;
        HttpStatusCode? status = null;
        try
        {
            using var response = await post;
            status = response.StatusCode;
        }
        catch (HttpRequestException e)
        {
            error = e;
        }
        if (holder is not null) await holder.ReleaseAsync();
        while (await watch.IsWritingAsync())
        {
            if (clock.Elapsed > killed + WaitLimit) Assert.Fail("the dead service's transaction is still open in the store");
            await Task.Delay(10);
        }
        return new Kill(point.Name, seen, killed, service.ExitCode, error, status);
    }

    /// <summary>Posts a batch whole and measures how long its write transaction held the store.</summary>
    async Task<(Answer Answer, TimeSpan Writing)> PostAndMeasureAsync(ServiceProcess service, byte[] body)
    {
        await using var watch = await WriteWatch.OpenAsync(store);
        using var client = service.ClientFor("integration");
        var post = PostAsync(client, body);
        var clock = Stopwatch.StartNew();
        TimeSpan? first = null, last = null;
        while (!post.IsCompleted)
        {
            if (await watch.IsWritingAsync())
            {
                first ??= clock.Elapsed;
                last = clock.Elapsed;
            }
            await Task.Delay(1);
        }
        var answer = await post;
        first.Should().NotBeNull("the batch must have been seen writing");
        return (answer, last!.Value - first!.Value);
    }

    static async Task ExpectLedgersAsync(HttpClient client, string[] skus, Flow[] pool, IReadOnlySet<Flow> stored, string when) =>
        (await LedgersAsync(client, skus)).Should().Equal(Expected(skus, pool, stored), $"every stored event counts exactly once {when}");

    /// <summary>Deltas only: on_hand is the plain sum of the stored events' sellable effects.</summary>
    static List<string> Expected(string[] skus, Flow[] pool, IReadOnlySet<Flow> stored) =>
        [.. Positions(skus).Select(p =>
        {
            var here = pool.Where(f => f.Sku == p.Sku && f.Node == p.Node && stored.Contains(f)).ToList();
            return Describe(p.Sku, p.Node, new Ledger(here.Count, here.Sum(f => f.Sellable)));
        })];

    static async Task<List<string>> LedgersAsync(HttpClient client, string[] skus)
    {
        var result = new List<string>();
        foreach (var (sku, node) in Positions(skus)) result.Add(Describe(sku, node, await LedgerAsync(client, sku, node)));
        return result;
    }

    static string Describe(string sku, string node, Ledger ledger) => $"{sku}@{node}: {ledger.Events} events, on hand {ledger.OnHand}";

    static IEnumerable<(string Sku, string Node)> Positions(string[] skus) => skus.SelectMany(sku => new[] { (sku, Dc), (sku, Shop2) });

    /// <summary>The events stored for a position and its on_hand (zero where no position exists yet).</summary>
    static async Task<Ledger> LedgerAsync(HttpClient client, string sku, string node)
    {
        var events = (await client.GetJsonAsync($"/v1/positions/{sku}/{node}/events?pageSize=1")).Long("total");
        using var response = await client.GetAsync($"/v1/positions/{sku}/{node}");
        if (response.StatusCode == HttpStatusCode.NotFound) return new Ledger(events, 0);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"GET position answered {(int)response.StatusCode}: {text}");
        return new Ledger(events, JsonDocument.Parse(text).RootElement.Long("onHand"));
    }

    static async Task<Answer> PostAsync(HttpClient client, byte[] body)
    {
        using var response = await client.PostAsync("/v1/events", Content(body));
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"ingest answered {(int)response.StatusCode}: {text}");
        var answer = JsonDocument.Parse(text).RootElement;
        return new Answer(answer.Int("accepted"), answer.Int("duplicates"), answer.GetProperty("rejected").GetArrayLength());
    }

    static byte[] Body(IEnumerable<Flow> flows) => Body([.. flows.Select(f => f.Wire)]);

    static byte[] Body(Dictionary<string, object?>[] events) => JsonSerializer.SerializeToUtf8Bytes(new { events });

    static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>Receipts (some in cases) and sales over the items at the DC and a store, distinct ids, a second apart.</summary>
    static Flow[] Pool(Random random, string[] skus, int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var sku = skus[random.Next(skus.Length)];
            var node = random.Next(2) == 0 ? Dc : Shop2;
            var source = node == Dc ? Wms : Scanner;
            var at = T0.AddSeconds(i);
            var id = $"{sku}-{i:D5}";
            var roll = random.Next(10);
            return roll switch
            {
                < 6 => new Flow(Ev.Make("receipt", sku, node, 1 + roll % 3, at, source: source, id: id), sku, node, 1 + roll % 3),
                6 => new Flow(Ev.Make("receipt", sku, node, 1, at, uom: "case", source: source, id: id), sku, node, 12),
                _ => new Flow(Ev.Make("sale", sku, node, 1, at, source: source, id: id), sku, node, -1),
            };
        })];

    static Flow[] Shuffled(Random random, IEnumerable<Flow> flows)
    {
        var array = flows.ToArray();
        random.Shuffle(array);
        return array;
    }

    sealed record Answer(int Accepted, int Duplicates, int Rejected);

    sealed record Ledger(long Events, long OnHand);

    /// <summary>One event of a crash test and its sellable effect.</summary>
    sealed record Flow(Dictionary<string, object?> Wire, string Sku, string Node, long Sellable);

    /// <summary>
    /// Where in the write transaction the kill lands: as soon as it holds the store, a while after
    /// (placed by time, so possibly after the commit), or while it waits for a position the test holds.
    /// </summary>
    sealed record KillPoint(string Name, TimeSpan Delay, (string Sku, string Node)? Position, bool Certain)
    {
        public static KillPoint FirstWrite { get; } = new("at the first write", TimeSpan.Zero, null, true);

        public static KillPoint After(TimeSpan delay) => new($"{delay.TotalMilliseconds:0} ms into the write", delay, null, false);

        public static KillPoint AtPositionLock(string sku, string node) =>
            new($"waiting for the lock of {sku}@{node}, its events written", TimeSpan.Zero, (sku, node), true);
    }

    sealed record Kill(string Point, TimeSpan WriteSeenAfter, TimeSpan KilledAfter, int ExitCode, Exception? Error, HttpStatusCode? Status)
    {
        public override string ToString() =>
            $"killed {Point}: seen after {WriteSeenAfter.TotalMilliseconds:0} ms, killed after {KilledAfter.TotalMilliseconds:0} ms, exit code {ExitCode}, "
            + (Error is not null ? $"client saw {Error.GetType().Name}" : $"client saw {(int?)Status}");
    }

    /// <summary>
    /// Looks at the store from outside the service. SQLite: a writer holds the database, so our
    /// BEGIN IMMEDIATE is refused at once. PostgreSQL: a session on the test's database holds a
    /// transaction id (only writing transactions take one), or waits for a row lock.
    /// </summary>
    sealed class WriteWatch : IAsyncDisposable
    {
        readonly SqliteConnection? sqlite;
        readonly NpgsqlConnection? postgres;
        readonly string database;

        WriteWatch(SqliteConnection? sqlite, NpgsqlConnection? postgres, string database)
        {
            this.sqlite = sqlite;
            this.postgres = postgres;
            this.database = database;
        }

        public static async Task<WriteWatch> OpenAsync(Store store)
        {
            if (store.Provider == Store.Postgres)
            {
                var conn = new NpgsqlConnection(TestPostgres.ServerConnectionString);
                await conn.OpenAsync();
                return new WriteWatch(null, conn, new NpgsqlConnectionStringBuilder(store.ConnectionString).Database!);
            }
            var lite = new SqliteConnection(new SqliteConnectionStringBuilder(store.ConnectionString) { Pooling = false }.ToString());
            await lite.OpenAsync();
            SQLitePCL.raw.sqlite3_busy_timeout(lite.Handle, 0);
            return new WriteWatch(lite, null, "");
        }

        public async Task<bool> IsWritingAsync()
        {
            if (postgres is not null) return await CountAsync("backend_xid IS NOT NULL") > 0;
            // Straight to SQLite: the ADO.NET layer would wait for a busy database instead of saying so.
            var rc = SQLitePCL.raw.sqlite3_exec(sqlite!.Handle, "BEGIN IMMEDIATE");
            if ((rc & 0xFF) == SQLitePCL.raw.SQLITE_BUSY) return true;
            if (rc != SQLitePCL.raw.SQLITE_OK) throw new InvalidOperationException($"SQLite probe failed with code {rc}");
            SQLitePCL.raw.sqlite3_exec(sqlite.Handle, "ROLLBACK");
            return false;
        }

        public async Task<bool> IsWaitingForLockAsync() => await CountAsync("wait_event_type = 'Lock'") > 0;

        async Task<long> CountAsync(string condition)
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid() AND {condition}", postgres);
            cmd.Parameters.AddWithValue("db", database);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }

        public async ValueTask DisposeAsync()
        {
            if (sqlite is not null) await sqlite.DisposeAsync();
            if (postgres is not null) await postgres.DisposeAsync();
        }
    }

    /// <summary>PostgreSQL: the test holds a position row's lock, as a concurrent batch on that position would.</summary>
    sealed class PositionLock : IAsyncDisposable
    {
        readonly NpgsqlConnection connection;
        NpgsqlTransaction? transaction;

        PositionLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
        {
            this.connection = connection;
            this.transaction = transaction;
        }

        public static async Task<PositionLock> TakeAsync(Store store, string sku, string node)
        {
            var connection = new NpgsqlConnection(store.ConnectionString);
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using var cmd = new NpgsqlCommand("SELECT sku FROM positions WHERE sku = @sku AND node = @node FOR UPDATE", connection, transaction);
            cmd.Parameters.AddWithValue("sku", sku);
            cmd.Parameters.AddWithValue("node", node);
            (await cmd.ExecuteScalarAsync()).Should().Be(sku, $"the position {sku}@{node} must exist to be held");
            return new PositionLock(connection, transaction);
        }

        public async Task ReleaseAsync()
        {
            if (transaction is null) return;
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            transaction = null;
        }

        public async ValueTask DisposeAsync()
        {
            await ReleaseAsync();
            await connection.DisposeAsync();
        }
    }
}
