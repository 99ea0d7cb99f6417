using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>A planner tries a draft on an order against today's positions: the decision it would take, nothing reserved or logged.</summary>
public sealed class SimulationTests(string provider) : DecisionFixture(provider)
{
    const string DraftAvoidingTheDc = """
        {
          "segment": "retail", "name": "Retail without the DC",
          "rules": [
            { "id": "no-dc", "kind": "node_eligibility", "eligible": "node.Code != \"DC-1\"", "reason": "the DC is closed for stocktaking" },
            { "id": "bo", "kind": "backorder", "action": "reject" }
          ]
        }
        """;

    async Task<string> DraftAsync(string document)
    {
        using var planner = Service.ClientFor("planner");
        var created = await planner.PostAsync("/v1/rulesets", new StringContent(document, System.Text.Encoding.UTF8, "application/json"));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).Str("id");
    }

    static object OrderFor(string sku) => new
    {
        customer = new { id = "C-1", tier = "standard" },
        shipTo = new { country = "DE", postalCode = "20095" },
        lines = new[] { new { lineId = "1", sku, quantity = 2, uom = "each" } },
    };

    [Test]
    public async Task A_draft_decides_an_order_on_todays_stock_without_reserving_it()
    {
        var sku = await StockedItemAsync(5);
        var draft = await DraftAsync(DraftAvoidingTheDc);
        using var analyst = Service.ClientFor("analyst");

        var (status, answer) = await SendAsync(analyst, $"/v1/rulesets/{draft}/simulate", OrderFor(sku));

        status.Should().Be(HttpStatusCode.OK, answer.ToString());
        answer.GetProperty("ruleSet").Str("status").Should().Be("draft");
        answer.GetProperty("lines")[0].Long("rejected").Should().Be(2);
        answer.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()).Should().Contain($"{Dc} excluded: the DC is closed for stocktaking");
        answer.GetProperty("trace").EnumerateArray().Should().Contain(t => t.Str("ruleId") == "no-dc");
        (await Operator.GetJsonAsync($"/v1/positions/{sku}/{Dc}")).Long("committed").Should().Be(0);
        (await analyst.GetJsonAsync($"/v1/decisions?sku={sku}")).Long("total").Should().Be(0);
    }

    [Test]
    public async Task The_published_version_simulated_on_the_same_order_ships_it()
    {
        var sku = await StockedItemAsync(5);
        using var planner = Service.ClientFor("planner");
        var published = (await planner.GetJsonAsync("/v1/rulesets?segment=retail&status=published"))[0].Str("id");

        var (status, answer) = await SendAsync(planner, $"/v1/rulesets/{published}/simulate", OrderFor(sku));

        status.Should().Be(HttpStatusCode.OK, answer.ToString());
        answer.GetProperty("lines")[0].GetProperty("allocations")[0].Str("node").Should().Be(Dc);
    }

    [Test]
    public async Task A_draft_that_does_not_compile_is_refused_with_its_problems()
    {
        var sku = await StockedItemAsync(5);
        var draft = await DraftAsync("""
            { "segment": "retail", "name": "Broken", "rules": [ { "id": "r", "kind": "node_eligibility", "eligible": "node.Nope > 1", "reason": "x" } ] }
            """);
        using var planner = Service.ClientFor("planner");

        var (status, problem) = await SendAsync(planner, $"/v1/rulesets/{draft}/simulate", OrderFor(sku));

        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        problem.Str("code").Should().Be("ruleset_invalid");
        problem.GetProperty("errors")[0].Str("field").Should().Be("/rules/0/eligible");
    }

    [Test]
    public async Task The_oms_role_may_not_simulate()
    {
        var draft = await DraftAsync(DraftAvoidingTheDc);

        var (status, _) = await SendAsync(Oms, $"/v1/rulesets/{draft}/simulate", OrderFor("SKU-X"));

        status.Should().Be(HttpStatusCode.Forbidden);
    }
}
