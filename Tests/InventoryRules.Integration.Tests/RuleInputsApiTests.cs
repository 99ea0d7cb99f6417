using System.Net;
using System.Text.Json;
using FluentAssertions;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Integration.Tests;

/// <summary>The authoring tool's vocabulary and schema: served under /v1/rulesets, never taken for a rule set id.</summary>
public sealed class RuleInputsApiTests(string provider) : LedgerFixture(provider)
{
    [TestCase("planner")]
    [TestCase("analyst")]
    [TestCase("operator")]
    public async Task Inputs_RoleThatReadsRules_EveryInputWithTypedDescribedProperties(string role)
    {
        using var client = Service.ClientFor(role);

        var inputs = (await client.GetJsonAsync("/v1/rulesets/inputs")).EnumerateArray().ToList();

        inputs.Select(i => i.Str("name")).Should().Equal(InputNames.All);
        inputs.Should().AllSatisfy(i => i.Str("description").Should().NotBeNullOrWhiteSpace());
        var item = inputs.Single(i => i.Str("name") == "item");
        item.Str("description").Should().Be("What a planner's expression may read of an item (a SKU's master data)");
        var sku = item.GetProperty("properties").EnumerateArray().First();
        sku.Str("name").Should().Be("Sku");
        sku.Str("type").Should().Be("text");
        sku.Str("description").Should().NotBeNullOrWhiteSpace();
        inputs.Single(i => i.Str("name") == "node").GetProperty("properties").EnumerateArray()
            .Single(p => p.Str("name") == "Capabilities").Str("type").Should().Be("list of text");
    }

    [Test]
    public async Task Schema_Planner_RulesSchemaAsSchemaJson()
    {
        using var client = Service.ClientFor("planner");

        var response = await client.GetAsync("/v1/rulesets/schema");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/schema+json");
        var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        schema.TryGetProperty("$schema", out _).Should().BeTrue();
        schema.GetProperty("properties").TryGetProperty("rules", out _).Should().BeTrue();
    }

    [TestCase("/v1/rulesets/inputs")]
    [TestCase("/v1/rulesets/schema")]
    public async Task InputsAndSchema_Oms_Forbidden(string url)
    {
        using var client = Service.ClientFor("oms");
        (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task RuleSetById_StillRouted()
    {
        using var client = Service.ClientFor("analyst");
        var response = await client.GetAsync("/v1/rulesets/retail-v99999");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("rule set retail-v99999");
    }
}
