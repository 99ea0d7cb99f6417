using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace InventoryRules.Integration.Tests;

/// <summary>GET /v1/me: the caller's key, role and what the rule set endpoints will let it do.</summary>
public sealed class MeApiTests(string provider) : LedgerFixture(provider)
{
    [TestCase("planner", true, true, true)]
    [TestCase("analyst", false, true, true)]
    [TestCase("operator", false, true, true)]
    [TestCase("admin", true, true, true)]
    [TestCase("oms", false, false, false)]
    [TestCase("integration", false, false, false)]
    public async Task Me_DevelopmentKey_RoleAndPermissions(string role, bool authorRules, bool readRules, bool comment)
    {
        using var client = Service.ClientFor(role);

        var me = await client.GetJsonAsync("/v1/me");

        me.Str("name").Should().Be($"development {role}");
        me.Str("role").Should().Be(role);
        var permissions = me.GetProperty("permissions");
        permissions.GetProperty("authorRules").GetBoolean().Should().Be(authorRules);
        permissions.GetProperty("readRules").GetBoolean().Should().Be(readRules);
        permissions.GetProperty("comment").GetBoolean().Should().Be(comment);
    }

    [TestCase("planner")]
    [TestCase("analyst")]
    [TestCase("oms")]
    public async Task Me_Permissions_AgreeWithTheEndpoints(string role)
    {
        using var client = Service.ClientFor(role);
        var permissions = (await client.GetJsonAsync("/v1/me")).GetProperty("permissions");

        var read = await client.GetAsync("/v1/rulesets");
        var author = await client.PostAsJsonAsync("/v1/rulesets", new { });

        (read.StatusCode != HttpStatusCode.Forbidden).Should().Be(permissions.GetProperty("readRules").GetBoolean());
        (author.StatusCode != HttpStatusCode.Forbidden).Should().Be(permissions.GetProperty("authorRules").GetBoolean());
    }

    [Test]
    public async Task Me_NoKey_401Problem()
    {
        using var anonymous = Service.CreateClient();

        var response = await anonymous.GetAsync("/v1/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("code").Should().Be("unauthorized");
    }
}
