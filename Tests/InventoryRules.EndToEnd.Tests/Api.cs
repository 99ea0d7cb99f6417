using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace InventoryRules.EndToEnd.Tests;

/// <summary>Set-up steps a test does not click through (they are not what it checks), through the real API.</summary>
public static class Api
{
    /// <summary>A new draft from the segment's version in force; returns its id.</summary>
    public static async Task<string> NewDraftAsync(string segment)
    {
        using var client = EndToEndSetup.Service.ClientFor("planner");
        var versions = await client.GetFromJsonAsync<JsonArray>(new Uri($"/v1/rulesets?segment={segment}&status=published", UriKind.Relative));
        var live = versions!.Single(v => v!["active"]!.GetValue<bool>())!["id"]!.GetValue<string>();
        using var created = await client.PostAsync(new Uri($"/v1/rulesets/{live}/drafts", UriKind.Relative), null);
        created.EnsureSuccessStatusCode();
        var draft = await created.Content.ReadFromJsonAsync<JsonObject>();
        return draft!["id"]!.GetValue<string>();
    }

    public static async Task<JsonObject> RuleSetAsync(string id)
    {
        using var client = EndToEndSetup.Service.ClientFor("planner");
        return (await client.GetFromJsonAsync<JsonObject>(new Uri($"/v1/rulesets/{id}", UriKind.Relative)))!;
    }
}
