using System.Net;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using Npgsql;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// No oversell across replicas (DESIGN.md, "Reservations never oversell ... on any number of service
/// replicas"): two service processes on one PostgreSQL database, 64 parallel HTTP clients racing for the
/// last units of several items. Afterwards every position has committed ≤ on_hand, and committed equals
/// what its live reservations hold, so every accepted reservation is backed by stock.
/// </summary>
public sealed class OversellTests
{
    const int Clients = 64;
    const int OrdersPerClient = 3;
    static readonly long[] Stock = [10, 7, 5, 3, 2];

    readonly ServiceProcesses services = [];

    [TearDown]
    public async Task StopServices()
    {
        await services.StopAllAsync();
    }

    [Test]
    public async Task Source_TwoReplicas64Clients_NeverOversell()
    {
        var store = await Store.CreateAsync(Store.Postgres, "oversell");
        services.Add(await ServiceProcess.StartAsync(store));
        services.Add(await ServiceProcess.StartAsync(store));
        var skus = new List<string>();
        using (var integration = services[0].ClientFor("integration"))
        using (var planner = services[0].ClientFor("planner"))
        {
            await LoadAsync(integration);
            await DecisionFixture.PublishAsync(planner, DecisionFixture.RuleSet);
            foreach (var units in Stock)
            {
                var sku = await Items.NewAsync(integration);
                await integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, units, DateTimeOffset.UtcNow.AddMinutes(-1)));
                skus.Add(sku);
            }
        }
        // The second replica re-reads rule sets every 5 s at most; wait until it serves too.
        await WaitUntilReadyAsync(services[1], skus[0]);

        var clients = Enumerable.Range(0, Clients).Select(c => services[c % 2].ClientFor("oms")).ToArray();
        List<(HttpStatusCode Status, JsonElement Body)> answers;
        try
        {
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var running = clients.Select((client, c) => Task.Run(async () =>
            {
                var random = new Random(1000 + c);
                await go.Task;
                var mine = new List<(HttpStatusCode, JsonElement)>();
                for (var o = 0; o < OrdersPerClient; o++)
                {
                    var picked = skus.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
                    var body = new
                    {
                        segment = "retail", shipTo = new { country = "DE" },
                        lines = picked.Select((sku, i) => new { lineId = $"L{i}", sku, quantity = random.Next(1, 3) }).ToArray(),
                    };
                    mine.Add(await DecisionFixture.SendAsync(client, $"/v1/orders/OS-{c}-{o}/source", body));
                }
                return mine;
            })).ToArray();
            go.SetResult();
            answers = [.. (await Task.WhenAll(running)).SelectMany(a => a)];
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }

        answers.Where(a => a.Status is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)).Select(a => a.Body.ToString())
            .Should().BeEmpty("every order is decided, or refused with 503 when stock kept moving under it");
        answers.Count(a => a.Status == HttpStatusCode.OK).Should().BeGreaterThan(0);

        await using var conn = new NpgsqlConnection(store.ConnectionString);
        var positions = (await conn.QueryAsync<(string Sku, string Node, long OnHand, long Committed)>(
            "SELECT sku, node, on_hand, committed FROM positions")).ToList();
        var held = (await conn.QueryAsync<(string Sku, string Node, long Held)>("""
            SELECT sku, node, CAST(SUM(quantity - shipped) AS BIGINT) FROM reservations
            WHERE status IN ('soft', 'confirmed') GROUP BY sku, node
            """)).ToDictionary(r => (r.Sku, r.Node), r => r.Held);
        positions.Where(p => p.Committed > p.OnHand).Should().BeEmpty("committed never exceeds on_hand");
        positions.Where(p => p.Committed != held.GetValueOrDefault((p.Sku, p.Node)))
            .Should().BeEmpty("committed is exactly what the live reservations hold");
        var granted = answers.Where(a => a.Status == HttpStatusCode.OK)
            .SelectMany(a => a.Body.GetProperty("lines").EnumerateArray())
            .GroupBy(l => l.Str("sku"))
            .ToDictionary(g => g.Key, g => g.Sum(l => l.GetProperty("allocations").EnumerateArray().Sum(x => x.Long("quantity"))));
        for (var i = 0; i < skus.Count; i++)
        {
            granted.GetValueOrDefault(skus[i]).Should().BeLessThanOrEqualTo(Stock[i]);
            positions.Single(p => p.Sku == skus[i] && p.Node == Dc).Committed.Should().Be(granted.GetValueOrDefault(skus[i]));
        }
        await TestContext.Out.WriteLineAsync($"{answers.Count(a => a.Status == HttpStatusCode.OK)} orders decided, "
            + $"{answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} refused with 503; granted "
            + string.Join(", ", skus.Select((s, i) => $"{granted.GetValueOrDefault(s)}/{Stock[i]}")));
        var reservations = await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM reservations");
        var decisions = await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM decisions");
        decisions.Should().Be(answers.Count(a => a.Status == HttpStatusCode.OK), "one decision per answered order");
        reservations.Should().Be(answers.Where(a => a.Status == HttpStatusCode.OK)
            .Sum(a => a.Body.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("allocations").GetArrayLength())));
    }

    static async Task WaitUntilReadyAsync(ServiceProcess service, string sku)
    {
        using var oms = service.ClientFor("oms");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, body) = await DecisionFixture.SendAsync(oms, "/v1/availability",
                new { segment = "retail", shipTo = new { country = "DE" }, lines = new[] { new { sku, quantity = 1 } } });
            if (status == HttpStatusCode.OK) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"the second replica never served availability: {(int)status} {body}");
            await Task.Delay(500);
        }
    }
}
