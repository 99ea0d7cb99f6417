using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// The test network with a published rule set for "retail" (split allowed, short lines backordered) and
/// an OMS client. The job server is off unless a fixture turns it on, so tests see expiry at read time before any sweep.
/// </summary>
public abstract class DecisionFixture(string provider) : LedgerFixture(provider)
{
    protected HttpClient Oms { get; private set; } = null!;

    public const string RuleSet = """
        {
          "segment": "retail", "name": "Retail test rules",
          "rules": [
            { "id": "split", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 3, "splitPenalty": 1 },
            { "id": "bo", "kind": "backorder", "action": "backorder", "maxBackorderDays": 7 }
          ]
        }
        """;

    [OneTimeSetUp]
    public async Task PublishRules()
    {
        Oms = Service.ClientFor("oms");
        using var planner = Service.ClientFor("planner");
        await PublishAsync(planner, RuleSet);
    }

    [OneTimeTearDown]
    public void DisposeOms() => Oms?.Dispose();

    public static async Task PublishAsync(HttpClient planner, string document)
    {
        var created = await planner.PostAsync("/v1/rulesets", new StringContent(document, System.Text.Encoding.UTF8, "application/json"));
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.Should().Be(HttpStatusCode.Created, draft.ToString());
        var published = await planner.PostAsJsonAsync($"/v1/rulesets/{draft.Str("id")}/publish", new { comment = "tests" });
        published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
    }

    /// <summary>A new item with <paramref name="units"/> eaches on hand at the DC, received just now (so the DC's feed is fresh).</summary>
    protected async Task<string> StockedItemAsync(long units, string node = Dc)
    {
        var sku = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, node, units, DateTimeOffset.UtcNow.AddMinutes(-1)));
        return sku;
    }

    public static object Order(string sku, long quantity, string uom = "each", string lineId = "1", int? ttl = null) => new
    {
        segment = "retail",
        customer = new { id = "C-1", tier = "standard" },
        shipTo = new { country = "DE", postalCode = "20095" },
        lines = new[] { new { lineId, sku, quantity, uom } },
        reservationTtlSeconds = ttl,
    };

    protected Task<(HttpStatusCode Status, JsonElement Body)> SourceAsync(string orderId, object body) => SendAsync(Oms, $"/v1/orders/{orderId}/source", body);

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, string url, object? body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Sum of allocated units over every line of a source answer.</summary>
    public static long Allocated(JsonElement answer) =>
        answer.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("allocations").EnumerateArray().Sum(a => a.Long("quantity")));

    public static IEnumerable<string> ReservationIds(JsonElement answer) =>
        answer.GetProperty("lines").EnumerateArray().SelectMany(l => l.GetProperty("allocations").EnumerateArray())
            .Select(a => a.Str("reservationId"));

    protected static string NewOrderId() => $"ORD-{Guid.NewGuid():N}";
}
