using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace InventoryRules.Integration.Tests;

/// <summary>Every endpoint but health needs a key; a role sees and changes only what it may.</summary>
public sealed class AuthTests(string provider) : LedgerFixture(provider)
{
    [Test]
    public async Task Health_NoKey_Ok()
    {
        using var anonymous = Service.CreateClient();
        (await anonymous.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("GET", "/v1/positions")]
    [TestCase("POST", "/v1/events")]
    [TestCase("GET", "/v1/items")]
    [TestCase("GET", "/v1/dead-letters")]
    [TestCase("GET", "/v1/anomalies")]
    public async Task Endpoint_NoKey_401Problem(string method, string url)
    {
        using var anonymous = Service.CreateClient();
        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("code").Should().Be("unauthorized");
    }

    [Test]
    public async Task Endpoint_UnknownKey_401()
    {
        using var client = Service.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "dev-nobody");
        (await client.GetAsync("/v1/positions")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [TestCase("oms", "POST", "/v1/events")]
    [TestCase("planner", "POST", "/v1/events")]
    [TestCase("analyst", "PUT", "/v1/items")]
    [TestCase("oms", "GET", "/v1/dead-letters")]
    [TestCase("planner", "POST", "/v1/anomalies/1/resolve")]
    [TestCase("integration", "GET", "/v1/api-keys")]
    [TestCase("operator", "POST", "/v1/api-keys")]
    public async Task Endpoint_RoleNotAllowed_403Problem(string role, string method, string url)
    {
        using var client = Service.ClientFor(role);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("code").Should().Be("forbidden");
    }

    [TestCase("oms")]
    [TestCase("planner")]
    [TestCase("analyst")]
    [TestCase("operator")]
    public async Task ReadPositions_EveryRole_Allowed(string role)
    {
        using var client = Service.ClientFor(role);
        (await client.GetAsync("/v1/positions")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task ApiKeys_AdminIssuesKey_KeyWorksForItsRoleAndIsStoredHashed()
    {
        using var admin = Service.ClientFor("admin");
        var created = await admin.PostAsJsonAsync("/v1/api-keys", new { name = "OMS production", role = "oms" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).Str("key");

        using var oms = Service.CreateClient();
        oms.DefaultRequestHeaders.Add("X-Api-Key", key);
        (await oms.GetAsync("/v1/positions")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await oms.PostAsJsonAsync("/v1/events", new { events = Array.Empty<object>() })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var listed = await admin.GetStringAsync("/v1/api-keys");
        listed.Should().Contain("OMS production").And.NotContain(key);
    }

    [Test]
    public async Task ApiKeys_Revoked_NoLongerAccepted()
    {
        using var admin = Service.ClientFor("admin");
        var created = await (await admin.PostAsJsonAsync("/v1/api-keys", new { name = "temp", role = "analyst" })).Content.ReadFromJsonAsync<JsonElement>();
        (await admin.DeleteAsync($"/v1/api-keys/{created.Str("id")}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var client = Service.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", created.Str("key"));
        (await client.GetAsync("/v1/positions")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
