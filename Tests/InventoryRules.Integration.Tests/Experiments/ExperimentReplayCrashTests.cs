using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Npgsql;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests.Experiments;

/// <summary>
/// A replay of a few thousand logged decisions in the real service (a child process), killed with SIGKILL
/// between 10% and 90% of its progress, then the service started again: the replay resumes from its last
/// committed batch and ends with exactly one outcome per decision and arm, and the numbers of a replay that
/// was never interrupted.
/// </summary>
[TestFixture(Store.Sqlite)]
[TestFixture(Store.Postgres)]
public sealed class ExperimentReplayCrashTests(string provider)
{
    const int Decisions = 2_000;
    const int Seeds = 12;

    static readonly Dictionary<string, string?> Settings = new()
    {
        ["Jobs:Server"] = "true", ["Jobs:PollMilliseconds"] = "200", ["Jobs:StaleRunSeconds"] = "5", ["Jobs:ReplayBatchSize"] = "100",
        ["Jobs:Schedules:reservation-expiry"] = "off",
    };

    readonly ServiceProcesses services = [];
    Store store = null!;

    [SetUp]
    public async Task CreateStore() => store = await Store.CreateAsync(provider, "expcrash");

    [TearDown]
    public async Task StopServices()
    {
        await services.StopAllAsync();
        store.DeleteSqliteFiles();
    }

    [Test]
    public async Task Replay_KilledMidway_ResumesWithEachDecisionOnceAndTheSameNumbers()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var first = await StartAsync();
        var experimentId = await SeedAsync(first);
        await TestContext.Out.WriteLineAsync($"{clock.Elapsed}: seeded");
        string replayId;
        long doneAtKill;
        using (var analyst = first.ClientFor("analyst"))
        {
            var accepted = await (await analyst.PostAsJsonAsync($"/v1/experiments/{experimentId}/replay", new { })).Content.ReadFromJsonAsync<JsonElement>();
            replayId = accepted.GetProperty("replay").Str("id");
            doneAtKill = await KillMidwayAsync(first, analyst, experimentId);
        }

        await TestContext.Out.WriteLineAsync($"{clock.Elapsed}: killed at {doneAtKill}");
        // What the killed run left: its progress and its outcomes committed together, batch by batch.
        var (done, outcomes) = await StoredProgressAsync(replayId);
        done.Should().BeGreaterThanOrEqualTo(doneAtKill).And.BeLessThan(Decisions, "the kill came before the end");
        outcomes.Should().Be(2 * done, "each committed batch wrote both arms' outcomes with its checkpoint, and nothing else survived");

        var second = await StartAsync();
        using var client = second.ClientFor("analyst");
        var replay = await FinishedAsync(client, experimentId, replayId, TimeSpan.FromSeconds(90));
        await TestContext.Out.WriteLineAsync($"{clock.Elapsed}: resumed replay finished {replay}");
        replay.Str("status").Should().Be("succeeded", replay.ToString());
        (replay.Long("done"), replay.Long("total")).Should().Be((Decisions, Decisions));
        (await client.GetJsonAsync($"/v1/jobs/runs/{replay.Str("runId")}")).Int("attempts").Should().BeGreaterThan(1, "the run was resumed");
        var (_, stored) = await StoredProgressAsync(replayId);
        stored.Should().Be(2 * Decisions);
        (await DistinctPairsAsync(replayId)).Should().Be(2 * Decisions, "one outcome per decision and arm");

        var again = (await (await client.PostAsJsonAsync($"/v1/experiments/{experimentId}/replay", new { })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("replay").Str("id");
        var uninterruptedReplay = await FinishedAsync(client, experimentId, again, TimeSpan.FromSeconds(90));
        await TestContext.Out.WriteLineAsync($"{clock.Elapsed}: uninterrupted replay finished {uninterruptedReplay}");
        uninterruptedReplay.Str("status").Should().Be("succeeded");
        var resumed = await client.GetJsonAsync($"/v1/experiments/{experimentId}/results?replayId={replayId}");
        var uninterrupted = await client.GetJsonAsync($"/v1/experiments/{experimentId}/results?replayId={again}");
        resumed.Int("orders").Should().Be(Decisions);
        resumed.GetProperty("arms").GetRawText().Should().Be(uninterrupted.GetProperty("arms").GetRawText());
        resumed.GetProperty("comparisons").GetRawText().Should().Be(uninterrupted.GetProperty("comparisons").GetRawText());
    }

    /// <summary>Watches the replay's progress and kills the service once it is between 10% and 90%; returns the progress seen then.</summary>
    static async Task<long> KillMidwayAsync(ServiceProcess service, HttpClient analyst, string experimentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var replay = (await analyst.GetJsonAsync($"/v1/experiments/{experimentId}")).GetProperty("replay");
            var done = replay.Long("done");
            if (done >= Decisions / 10 && done <= Decisions * 9 / 10)
            {
                service.Kill();
                return done;
            }
            done.Should().BeLessThan(Decisions * 9 / 10, "the replay went past 90% between two looks");
            await Task.Delay(5);
        }
        throw new TimeoutException("the replay never reached 10%");
    }

    static async Task<JsonElement> FinishedAsync(HttpClient client, string experimentId, string replayId, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var replay = (await client.GetJsonAsync($"/v1/experiments/{experimentId}")).GetProperty("replay");
            if (replay.Str("id") == replayId && replay.Str("status") is "succeeded" or "failed") return replay;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"replay {replayId} did not finish: {replay}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// The network, two versions, a dozen orders decided through the API, then cloned in the store to a few
    /// thousand logged decisions (each replays like its original), and an experiment over them.
    /// </summary>
    async Task<string> SeedAsync(ServiceProcess service)
    {
        using var integration = service.ClientFor("integration");
        using var planner = service.ClientFor("planner");
        using var oms = service.ClientFor("oms");
        using var analyst = service.ClientFor("analyst");
        await LoadAsync(integration);
        await DecisionFixture.PublishAsync(planner, ExperimentFixture.ControlRuleSet);
        await DecisionFixture.PublishAsync(planner, ExperimentFixture.VariantRuleSet);
        var published = (await planner.GetJsonAsync("/v1/rulesets?segment=retail&status=published")).EnumerateArray()
            .ToDictionary(r => r.Long("version"), r => r.Str("id"));
        var stocked = await Items.NewAsync(integration);
        var shop = await Items.NewAsync(integration);
        var missing = await Items.NewAsync(integration);
        await integration.PostEventsAsync(Ev.Make("receipt", stocked, Dc, 500, DateTimeOffset.UtcNow.AddMinutes(-1)),
            Ev.Make("receipt", shop, Shop, 3, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var seeds = new List<string>();
        for (var i = 0; i < Seeds; i++)
        {
            var lines = new List<object> { new { lineId = "1", sku = stocked, quantity = 1 + i % 4, uom = "each" } };
            if (i % 2 == 0) lines.Add(new { lineId = "2", sku = missing, quantity = 1, uom = "each" });
            if (i % 3 == 0) lines.Add(new { lineId = "3", sku = shop, quantity = 1, uom = "each" });
            using var response = await oms.PostAsJsonAsync($"/v1/orders/SEED-{i}/source", new
            {
                segment = "retail", customer = new { id = $"C-{i}", tier = "standard" }, shipTo = new { country = "DE", postalCode = "20095" }, lines,
            });
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            seeds.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).Str("decisionId"));
        }
        await CloneAsync(seeds, Decisions - Seeds);
        using var created = await analyst.PostAsJsonAsync("/v1/experiments", new
        {
            name = "crash", segment = "retail", controlRuleSetId = published[1], variantRuleSetId = published[2], trafficShare = 0.5,
            window = new { from = DateTimeOffset.UtcNow.AddHours(-1), to = DateTimeOffset.UtcNow.AddHours(1) },
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).Str("id");
    }

    async Task CloneAsync(IReadOnlyList<string> seeds, int count)
    {
        await using var conn = await OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var clones = Enumerable.Range(0, count).Select(i => new
        {
            id = $"dec_clone{i:D6}", orderId = $"CLONE-{i:D6}", source = seeds[i % seeds.Count], offset = i + 1,
        });
        await conn.ExecuteAsync("""
            INSERT INTO decisions (id, kind, order_id, segment, rule_set_id, rule_set_version, arm, created_at, request, snapshot, result,
                                   reservations, decide_micros, total_micros)
            SELECT @id, kind, @orderId, segment, rule_set_id, rule_set_version, arm, created_at + @offset, request, snapshot, result,
                   reservations, decide_micros, total_micros
            FROM decisions WHERE id = @source
            """, clones, tx);
        await tx.CommitAsync();
    }

    async Task<(long Done, long Outcomes)> StoredProgressAsync(string replayId)
    {
        await using var conn = await OpenAsync();
        var done = await conn.ExecuteScalarAsync<long>("SELECT done FROM job_runs WHERE job = 'experiment-replay' AND occurrence = @occurrence",
            new { occurrence = "replay:" + replayId });
        var outcomes = await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM experiment_outcomes WHERE replay_id = @replayId", new { replayId });
        return (done, outcomes);
    }

    async Task<long> DistinctPairsAsync(string replayId)
    {
        await using var conn = await OpenAsync();
        return await conn.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT DISTINCT decision_id, arm FROM experiment_outcomes WHERE replay_id = @replayId) p", new { replayId });
    }

    async Task<DbConnection> OpenAsync()
    {
        DbConnection conn = store.Provider == Store.Postgres ? new NpgsqlConnection(store.ConnectionString) : new SqliteConnection(store.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    async Task<ServiceProcess> StartAsync()
    {
        var service = await ServiceProcess.StartAsync(store, Settings);
        services.Add(service);
        return service;
    }
}
