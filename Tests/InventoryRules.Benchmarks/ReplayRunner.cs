using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InventoryRules.Benchmarks;

/// <summary>
/// P7 end to end: the real service (child process) on the samples, a few hundred 5-line e-commerce orders
/// decided through the API, cloned in the store to N logged decisions, then the experiment-replay job over
/// all of them under two versions, timed from the request to the run's end, with its progress printed.
/// </summary>
sealed class ReplayRunner(string? pgServer, bool sqlite, int[] sizes, string apiDll)
{
    const int Seeds = 200;

    public async Task<int> RunAsync()
    {
        var work = Directory.CreateTempSubdirectory("irbench-replay-").FullName;
        try
        {
            if (sqlite) await RunStoreAsync("sqlite", $"Data Source={Path.Combine(work, "replay.db")};Pooling=true", work);
            if (pgServer is not null)
            {
                var name = $"irbench_replay_{Guid.NewGuid():N}"[..30];
                await using (var conn = new NpgsqlConnection(pgServer))
                {
                    await conn.OpenAsync();
                    await conn.ExecuteAsync($"CREATE DATABASE \"{name}\"");
                }
                try
                {
                    await RunStoreAsync("postgres", new NpgsqlConnectionStringBuilder(pgServer) { Database = name }.ToString(), work);
                }
                finally
                {
                    NpgsqlConnection.ClearAllPools();
                    await using var conn = new NpgsqlConnection(pgServer);
                    await conn.OpenAsync();
                    await conn.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                }
            }
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    async Task RunStoreAsync(string store, string connectionString, string work)
    {
        var env = new Dictionary<string, string>
        {
            ["Storage__Provider"] = store, ["Storage__ConnectionString"] = connectionString, ["Samples__Seed"] = "true",
            ["Auth__DevelopmentKeys"] = "true", ["Jobs__PollMilliseconds"] = "200", ["Jobs__Schedules__reservation-expiry"] = "off",
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_NOLOGO"] = "1",
        };
        await using var service = await ServiceProcess.StartAsync(apiDll, env, Path.Combine(work, $"service-{store}.log"));
        using var http = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", "dev-admin");
        var (control, variant) = await VersionsAsync(http);
        var seeds = await SeedAsync(http);
        Console.WriteLine($"{store}: {seeds.Count} orders decided through the API (segment ecommerce, up to 5 lines)");
        var logged = seeds.Count;
        foreach (var size in sizes)
        {
            await CloneAsync(store, connectionString, seeds, logged, size - logged);
            logged = size;
            var experiment = await PostAsync(http, "/v1/experiments", new
            {
                name = $"P7 {size}", segment = "ecommerce", controlRuleSetId = control, variantRuleSetId = variant, trafficShare = 0.5,
                window = new { from = DateTimeOffset.UtcNow.AddDays(-1), to = DateTimeOffset.UtcNow.AddDays(1) },
            });
            var id = experiment.GetProperty("id").GetString();
            var clock = Stopwatch.StartNew();
            await PostAsync(http, $"/v1/experiments/{id}/replay", new { });
            JsonElement replay;
            var lastPrint = TimeSpan.Zero;
            while (true)
            {
                replay = (await http.GetFromJsonAsync<JsonElement>($"/v1/experiments/{id}")).GetProperty("replay");
                var status = replay.GetProperty("status").GetString();
                if (clock.Elapsed - lastPrint >= TimeSpan.FromSeconds(2) || status is "succeeded" or "failed")
                {
                    Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.0} s  {status,-9} {replay.GetProperty("done")}/{replay.GetProperty("total")}");
                    lastPrint = clock.Elapsed;
                }
                if (status is "succeeded" or "failed") break;
                await Task.Delay(100);
            }
            var wall = clock.Elapsed;
            var run = replay.GetProperty("finishedAt").GetDateTimeOffset() - replay.GetProperty("startedAt").GetDateTimeOffset();
            Console.WriteLine($"P7 {store} {size:N0} decisions: {replay.GetProperty("status")} in {wall.TotalSeconds:0.0} s from the request "
                + $"({run.TotalSeconds:0.0} s in the job; {size / run.TotalSeconds:N0} decisions/s)");
        }
    }

    static async Task<(string Control, string Variant)> VersionsAsync(HttpClient http)
    {
        var published = (await http.GetFromJsonAsync<JsonElement>("/v1/rulesets?segment=ecommerce&status=published")).EnumerateArray().First();
        var control = published.GetProperty("id").GetString()!;
        // The variant: the same rules published again as a new version (both arms do the same amount of work).
        var draft = await PostAsync(http, $"/v1/rulesets/{control}/drafts", new { });
        var variant = draft.GetProperty("id").GetString()!;
        await PostAsync(http, $"/v1/rulesets/{variant}/publish", new { comment = "P7 variant" });
        return (control, variant);
    }

    static async Task<List<string>> SeedAsync(HttpClient http)
    {
        var positions = await http.GetFromJsonAsync<JsonElement>("/v1/positions?pageSize=500");
        var skus = positions.GetProperty("items").EnumerateArray().Where(p => p.GetProperty("onHand").GetInt64() > 20)
            .Select(p => p.GetProperty("sku").GetString()!).Distinct().Take(60).ToList();
        var random = new Random(7);
        var ids = new List<string>();
        for (var i = 0; i < Seeds; i++)
        {
            var lines = Enumerable.Range(0, 1 + random.Next(5)).Select(l => new
            {
                lineId = $"{l + 1}", sku = skus[random.Next(skus.Count)], quantity = 1 + random.Next(3), uom = "each",
            }).DistinctBy(l => l.sku).ToList();
            using var response = await http.PostAsJsonAsync($"/v1/orders/P7-{Guid.NewGuid():N}/source", new
            {
                segment = "ecommerce", customer = new { id = $"C-{i % 50}", tier = "standard" },
                shipTo = new { country = "DE", postalCode = "20095" }, lines,
            });
            if (response.IsSuccessStatusCode) ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisionId").GetString()!);
        }
        return ids;
    }

    static async Task CloneAsync(string store, string connectionString, IReadOnlyList<string> seeds, int from, int count)
    {
        if (count <= 0) return;
        await using System.Data.Common.DbConnection conn = store == "postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO decisions (id, kind, order_id, segment, rule_set_id, rule_set_version, arm, created_at, request, snapshot, result,
                                   reservations, decide_micros, total_micros)
            SELECT @id, kind, @orderId, segment, rule_set_id, rule_set_version, arm, created_at + @offset, request, snapshot, result,
                   reservations, decide_micros, total_micros
            FROM decisions WHERE id = @source
            """, Enumerable.Range(from, count).Select(i => new
        {
            id = $"dec_p7clone{i:D7}", orderId = $"P7-CLONE-{i:D7}", source = seeds[i % seeds.Count], offset = i + 1,
        }), tx);
        await tx.CommitAsync();
    }

    static async Task<JsonElement> PostAsync(HttpClient http, string url, object body)
    {
        using var response = await http.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
