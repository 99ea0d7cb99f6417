using System.Text.Json;
using FluentAssertions;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// The OpenAPI document of the decision endpoints: request and answer types keep apart (no schema named
/// after a shared short name), optional fields are not required, and problem responses are declared.
/// </summary>
public sealed class OpenApiDecisionTests(string provider) : DecisionFixture(provider)
{
    JsonElement document;

    [OneTimeSetUp]
    public async Task FetchDocument() => document = await Oms.GetJsonAsync("/openapi/v1.json");

    JsonElement Operation(string path, string method) => document.GetProperty("paths").GetProperty(path).GetProperty(method);

    /// <summary>The schema itself: a <c>$ref</c>, or a nullable one (<c>oneOf: [null, $ref]</c>), followed to its component.</summary>
    JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            return Resolve(oneOf.EnumerateArray().Single(s => s.TryGetProperty("$ref", out _)));
        }
        return schema;
    }

    JsonElement RequestBody(string path) =>
        Resolve(Operation(path, "post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

    JsonElement Property(JsonElement schema, string name) => Resolve(schema.GetProperty("properties").GetProperty(name));

    static IEnumerable<string> PropertyNames(JsonElement schema) => schema.GetProperty("properties").EnumerateObject().Select(p => p.Name);

    static IEnumerable<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!) : [];

    [Test]
    public void SourceRequest_LineSchemaIsTheOrderLine()
    {
        var line = Resolve(Property(RequestBody("/v1/orders/{orderId}/source"), "lines").GetProperty("items"));

        PropertyNames(line).Should().BeEquivalentTo(["lineId", "sku", "quantity", "uom"]);
        Required(line).Should().BeEquivalentTo(["lineId", "sku", "quantity"]);
    }

    [Test]
    public void AvailabilityAndRunRequests_LineSchemasAreRequestLines()
    {
        var availabilityLine = Resolve(Property(RequestBody("/v1/availability"), "lines").GetProperty("items"));
        var demand = Resolve(Property(RequestBody("/v1/allocations/run"), "demands").GetProperty("items"));
        var demandLine = Resolve(Property(demand, "lines").GetProperty("items"));

        PropertyNames(availabilityLine).Should().Contain(["sku", "quantity", "uom"]).And.NotContain("nodes");
        Required(availabilityLine).Should().NotContain("lineId", "availability numbers lines without ids");
        PropertyNames(demandLine).Should().BeEquivalentTo(["lineId", "sku", "quantity", "uom"]);
        Required(RequestBody("/v1/allocations/run")).Should().NotContain("reserve");
        document.GetProperty("components").GetProperty("schemas").TryGetProperty("Line", out _).Should().BeFalse("no schema takes a shared short name");
    }

    [Test]
    public void SourceRequest_OptionalFieldsNotRequired()
    {
        var source = RequestBody("/v1/orders/{orderId}/source");
        var shipTo = Property(source, "shipTo");
        var customer = Property(source, "customer");

        Required(source).Should().BeEquivalentTo(["segment", "shipTo", "lines"]);
        Required(source).Should().NotContain(["customer", "requestedDate", "preOrder", "reservationTtlSeconds"]);
        Required(shipTo).Should().BeEquivalentTo(["country"]);
        Required(shipTo).Should().NotContain(["latitude", "longitude", "postalCode"]);
        Required(customer).Should().BeEmpty();
    }

    [Test]
    public void Instants_are_described_as_date_time_strings()
    {
        var requestedDate = RequestBody("/v1/orders/{orderId}/source").GetProperty("properties").GetProperty("requestedDate");

        requestedDate.GetProperty("format").GetString().Should().Be("date-time");
        requestedDate.GetProperty("type").ToString().Should().Contain("string");
    }

    [Test]
    public void SourceOperation_DeclaresProblemResponses()
    {
        var responses = Operation("/v1/orders/{orderId}/source", "post").GetProperty("responses");

        foreach (var status in new[] { "400", "401", "403", "409", "503" })
        {
            responses.TryGetProperty(status, out var response).Should().BeTrue($"the source operation lists {status}");
            response.GetProperty("content").TryGetProperty("application/problem+json", out _).Should().BeTrue($"{status} is a problem");
        }
        responses.GetProperty("409").Str("description").Should().Contain("order_conflict");
        responses.GetProperty("200").GetProperty("headers").TryGetProperty("Idempotent-Replayed", out _).Should().BeTrue();
    }
}
