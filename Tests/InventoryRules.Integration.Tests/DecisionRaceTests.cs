using System.Net;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// Reservations never oversell (DESIGN.md): 16 clients at once race for the last units of three items with
/// orders of one or two lines; every unit granted must be backed by stock, and committed must equal what
/// the answers granted.
/// </summary>
public sealed class DecisionRaceTests(string provider) : DecisionFixture(provider)
{
    const int Clients = 16;
    const int OrdersPerClient = 4;

    [Test]
    public async Task Source_ParallelClientsRaceForLastUnits_NeverOverCommit()
    {
        long[] stock = [7, 5, 3];
        var skus = new List<string>();
        foreach (var units in stock) skus.Add(await StockedItemAsync(units));
        var clients = Enumerable.Range(0, Clients).Select(_ => Service.ClientFor("oms")).ToArray();
        try
        {
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var running = clients.Select((client, c) => Task.Run(async () =>
            {
                var random = new Random(c);
                await go.Task;
                var answers = new List<(HttpStatusCode, JsonElement)>();
                for (var o = 0; o < OrdersPerClient; o++)
                {
                    var picked = skus.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
                    var body = new
                    {
                        segment = "retail", shipTo = new { country = "DE" },
                        lines = picked.Select((sku, i) => new { lineId = $"L{i}", sku, quantity = random.Next(1, 4) }).ToArray(),
                    };
                    answers.Add(await SendAsync(client, $"/v1/orders/{NewOrderId()}/source", body));
                }
                return answers;
            })).ToArray();
            go.SetResult();
            var answers = (await Task.WhenAll(running)).SelectMany(a => a).ToList();

            answers.Where(a => a.Item1 != HttpStatusCode.OK && a.Item1 != HttpStatusCode.ServiceUnavailable)
                .Should().BeEmpty("every order is decided (or refused with 503 when stock kept moving)");
            var granted = answers.Where(a => a.Item1 == HttpStatusCode.OK)
                .SelectMany(a => a.Item2.GetProperty("lines").EnumerateArray())
                .GroupBy(l => l.Str("sku"))
                .ToDictionary(g => g.Key, g => g.Sum(l => l.GetProperty("allocations").EnumerateArray().Sum(x => x.Long("quantity"))));
            for (var i = 0; i < skus.Count; i++)
            {
                var position = await Integration.PositionAsync(skus[i], Dc);
                var got = granted.GetValueOrDefault(skus[i]);
                got.Should().BeLessThanOrEqualTo(stock[i], $"{skus[i]} had {stock[i]} units");
                position.Long("committed").Should().Be(got, "committed is exactly what the answers granted");
                position.Long("committed").Should().BeLessThanOrEqualTo(position.Long("onHand"));
            }
            granted.Values.Sum().Should().BeGreaterThan(0, "some orders got stock");
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }
}
