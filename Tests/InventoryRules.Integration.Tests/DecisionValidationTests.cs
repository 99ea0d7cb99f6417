using System.Net;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>Ship-to, customer tier and query parameters: refused with the field at fault, on every decision endpoint.</summary>
public sealed class DecisionValidationTests(string provider) : DecisionFixture(provider)
{
    static object Body(object shipTo, object? customer = null) => new
    {
        segment = "retail", customer, shipTo, lines = new[] { new { lineId = "1", sku = Milk, quantity = 1 } },
    };

    static readonly object[] InvalidOrders =
    [
        new object[] { "shipTo.latitude", Body(new { country = "DE", latitude = 152.0, longitude = 13.0 }) },
        new object[] { "shipTo.latitude", Body(new { country = "DE", latitude = -90.5, longitude = 13.0 }) },
        new object[] { "shipTo.longitude", Body(new { country = "DE", latitude = 52.0, longitude = 181.0 }) },
        new object[] { "shipTo.longitude", Body(new { country = "DE", latitude = 52.0 }) },
        new object[] { "shipTo.latitude", Body(new { country = "DE", longitude = 13.0 }) },
        new object[] { "shipTo.country", Body(new { country = "XX" }) },
        new object[] { "shipTo.country", Body(new { country = "de" }) },
        new object[] { "shipTo.country", Body(new { country = "DEU" }) },
        new object[] { "customer.tier", Body(new { country = "DE" }, new { id = "C-1", tier = "Gold" }) },
        new object[] { "customer.tier", Body(new { country = "DE" }, new { id = "C-1", tier = "" }) },
        new object[] { "customer.tier", Body(new { country = "DE" }, new { id = "C-1", tier = "key account" }) },
    ];

    [TestCaseSource(nameof(InvalidOrders))]
    public async Task Source_InvalidShipToOrTier_InvalidValueOnTheField(string field, object body)
    {
        var (status, problem) = await SourceAsync(NewOrderId(), body);

        status.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("errors").EnumerateArray().Should().Contain(e => e.Str("field") == field && e.Str("code") == "invalid_value", problem.ToString());
    }

    [Test]
    public async Task Source_AnyLowercaseTierEdgeCoordinatesOrNoCustomer_Accepted()
    {
        var sku = await StockedItemAsync(5);
        object Order(object? customer, object shipTo) => new
        {
            segment = "retail", customer, shipTo, lines = new[] { new { lineId = "1", sku, quantity = 1 } },
        };

        foreach (var body in new[]
                 {
                     Order(new { id = "C-1", tier = "diamond_2" }, new { country = "CH" }),
                     Order(null, new { country = "DE", latitude = -90.0, longitude = 180.0 }),
                     Order(new { id = "C-2" }, new { country = "DE", latitude = 53.55, longitude = 9.99 }),
                 })
        {
            var (status, answer) = await SourceAsync(NewOrderId(), body);
            status.Should().Be(HttpStatusCode.OK, answer.ToString());
        }
    }

    [Test]
    public async Task AvailabilityAndAllocationRun_InvalidShipTo_FieldWithItsPath()
    {
        var (status, problem) = await SendAsync(Oms, "/v1/availability", new
        {
            segment = "retail", shipTo = new { country = "DE", latitude = 95.0, longitude = 10.0 }, lines = new[] { new { sku = Milk, quantity = 1 } },
        });
        status.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("errors")[0].Str("field").Should().Be("shipTo.latitude");

        object Demand(object shipTo, string tier = "gold") => new
        {
            orderId = NewOrderId(), segment = "retail", customer = new { id = "C", tier }, shipTo, lines = new[] { new { lineId = "1", sku = Milk, quantity = 1 } },
        };
        (status, problem) = await SendAsync(Oms, "/v1/allocations/run", new
        {
            demands = new[] { Demand(new { country = "DE" }), Demand(new { country = "XX" }), Demand(new { country = "DE" }, tier: "GOLD") },
        });
        status.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("errors").EnumerateArray().Select(e => (e.Str("field"), e.Str("code")))
            .Should().BeEquivalentTo([("demands[1].shipTo.country", "invalid_value"), ("demands[2].customer.tier", "invalid_value")]);
    }

    [TestCase("from=yesterday", "from", "ISO 8601")]
    [TestCase("to=2026-11-20T10:00:00", "to", "offset")]
    [TestCase("from=2026-11-20", "from", "ISO 8601")]
    [TestCase("page=abc", "page", "whole number")]
    [TestCase("pageSize=1.5", "pageSize", "whole number")]
    [TestCase("pageSize=0", "pageSize", "1 to")]
    public async Task SearchDecisions_ParameterThatDoesNotParse_InvalidValueOnTheParameter(string query, string field, string says)
    {
        using var response = await Oms.GetAsync($"/v1/decisions?{query}");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
        problem.Str("code").Should().Be("invalid_value");
        var error = problem.GetProperty("errors").EnumerateArray().Single();
        error.Str("field").Should().Be(field);
        error.Str("message").Should().Contain(says).And.NotContain("Nullable").And.NotContain("DateTimeOffset");
    }

    [Test]
    public async Task OtherListEndpoint_NumberThatDoesNotParse_InvalidValueOnTheParameterNotTheBody()
    {
        using var response = await Integration.GetAsync("/v1/positions?page=abc");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
        problem.Str("code").Should().Be("invalid_value");
        problem.GetProperty("errors")[0].Str("field").Should().Be("page");
        problem.Str("detail").Should().Contain("whole number").And.NotContain("Int32");
    }
}
