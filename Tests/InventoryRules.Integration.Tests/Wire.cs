using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace InventoryRules.Integration.Tests;

/// <summary>Calls the API the way a client would and reads the JSON answers.</summary>
public static class Wire
{
    public static async Task<JsonElement> PostEventsAsync(this HttpClient client, params object[] events)
    {
        var response = await client.PostAsJsonAsync("/v1/events", new { events });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.Should().BeTrue($"ingest answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.Should().BeTrue($"GET {url} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public static Task<JsonElement> PositionAsync(this HttpClient client, string sku, string node, DateTimeOffset? asOf = null) =>
        client.GetJsonAsync($"/v1/positions/{sku}/{node}" + (asOf is { } t ? $"?asOf={Uri.EscapeDataString(t.ToString("O"))}" : ""));

    public static long Long(this JsonElement e, string name) => e.GetProperty(name).GetInt64();

    public static int Int(this JsonElement e, string name) => e.GetProperty(name).GetInt32();

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
