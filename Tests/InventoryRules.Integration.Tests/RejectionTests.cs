using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>Bad events are refused one by one with a code and field, kept as dead letters, and can be replayed.</summary>
public sealed class RejectionTests(string provider) : LedgerFixture(provider)
{
    [Test]
    public async Task PostEvents_MixedBatch_AcceptsGoodOnesAndNamesEachBadOne()
    {
        var sku = await Items.NewAsync(Integration);
        var malformed = Ev.Make("receipt", sku, Dc, 1, T0);
        malformed["quantity"] = "lots";
        var result = await Integration.PostEventsAsync(
            Ev.Make("receipt", sku, Dc, 10, T0),
            Ev.Make("receipt", sku, Dc, 1, T0, uom: "crate"),
            Ev.Make("receipt", "SKU-NOPE", Dc, 1, T0),
            Ev.Make("receipt", sku, "NODE-NOPE", 1, T0),
            Ev.Make("receipt", sku, Dc, -4, T0),
            malformed,
            Ev.Make("teleport", sku, Dc, 1, T0),
            Ev.Make("receipt", sku, Dc, 0.5m, T0, uom: "each"));

        result.Int("accepted").Should().Be(1);
        var rejected = result.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.Int("index"), r.Str("code"), r.Str("field"))).ToList();
        rejected.Should().Equal(
            (1, "unknown_uom", "uom"), (2, "unknown_sku", "sku"), (3, "unknown_node", "node"), (4, "negative_quantity", "quantity"),
            (5, "invalid_type", "quantity"), (6, "unknown_event_type", "type"), (7, "fractional_quantity", "quantity"));
        (await Integration.PositionAsync(sku, Dc)).Long("onHand").Should().Be(10);
    }

    [Test]
    public async Task PostEvents_RefusedEvent_KeptInDeadLettersAndReplayableOnceFixed()
    {
        var sku = $"SKU-LATE-{Guid.NewGuid():N}"[..24].ToUpperInvariant();
        var refused = Ev.Make("receipt", sku, Dc, 1, T0, uom: "case");
        var result = await Integration.PostEventsAsync(refused);
        result.GetProperty("rejected")[0].Str("code").Should().Be("unknown_sku");

        var letters = await Operator.GetJsonAsync("/v1/dead-letters?code=unknown_sku&status=open");
        var letter = letters.GetProperty("items").EnumerateArray().Single(l => l.Str("eventId") == (string)refused["eventId"]!);
        letter.GetProperty("payload").GetProperty("sku").GetString().Should().Be(sku);

        // Still unknown: the replay is refused again and the letter stays open.
        var early = await Operator.PostAsync($"/v1/dead-letters/{letter.Long("id")}/replay", null);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rejected")[0].Str("code").Should().Be("unknown_sku");

        (await Integration.PutAsJsonAsync("/v1/items", new[] { new { sku, units = new Dictionary<string, int> { ["case"] = 6 } } })).Should().BeSuccessful();
        var replay = await Operator.PostAsync($"/v1/dead-letters/{letter.Long("id")}/replay", null);
        (await replay.Content.ReadFromJsonAsync<JsonElement>()).Int("accepted").Should().Be(1);

        (await Integration.PositionAsync(sku, Dc)).Long("onHand").Should().Be(6);
        var closed = await Operator.GetJsonAsync($"/v1/dead-letters/{letter.Long("id")}");
        closed.Str("status").Should().Be("replayed");
        closed.Int("attempts").Should().Be(2);
        (await Operator.PostAsync($"/v1/dead-letters/{letter.Long("id")}/replay", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task ReplayDeadLetter_WithCorrectedEvent_AppliesTheCorrection()
    {
        var sku = await Items.NewAsync(Integration);
        var refused = Ev.Make("receipt", sku, Dc, 3, T0, uom: "crate");
        await Integration.PostEventsAsync(refused);
        var letter = (await Operator.GetJsonAsync("/v1/dead-letters?code=unknown_uom")).GetProperty("items").EnumerateArray()
            .Single(l => l.Str("eventId") == (string)refused["eventId"]!);

        refused["uom"] = "case";
        var replay = await Operator.PostAsJsonAsync($"/v1/dead-letters/{letter.Long("id")}/replay", refused);

        (await replay.Content.ReadFromJsonAsync<JsonElement>()).Int("accepted").Should().Be(1);
        (await Integration.PositionAsync(sku, Dc)).Long("onHand").Should().Be(36);
    }

    [Test]
    public async Task PostEvents_OddEvents_EachRefusedWithItsCode()
    {
        var sku = await Items.NewAsync(Integration);
        var result = await Integration.PostEventsAsync(
            42,
            Ev.Make("status_change", sku, Dc, 1, T0, fromStatus: "sellable", toStatus: "stolen"),
            Ev.Make("receipt", sku, Dc, 100_000_000, T0, uom: "case"),
            Ev.Make("receipt", sku, Dc, 1, T0.AddYears(1)));

        result.GetProperty("rejected").EnumerateArray().Select(r => (r.Int("index"), r.Str("code"), r.Str("field"))).Should().Equal(
            (0, "malformed_event", ""), (1, "unknown_status", "toStatus"), (2, "quantity_too_large", "quantity"), (3, "invalid_value", "occurredAt"));
    }

    [Test]
    public async Task PutSegments_SameCodeTwice_RefusedAsDuplicate()
    {
        var response = await Integration.PutAsJsonAsync("/v1/segments", new[]
        {
            new { code = "dup", freshnessToleranceSeconds = 60 }, new { code = "dup", freshnessToleranceSeconds = 90 },
        });

        var problem = await ShouldBeProblem(response, HttpStatusCode.BadRequest, "duplicate_in_batch");
        problem.GetProperty("errors")[0].Str("field").Should().Be("[1]");
    }

    [Test]
    public async Task PostEvents_NotJson_ProblemWithCode()
    {
        var response = await Integration.PostAsync("/v1/events", new StringContent("{\"events\": [ {", Encoding.UTF8, "application/json"));

        await ShouldBeProblem(response, HttpStatusCode.BadRequest, "malformed_json");
    }

    [Test]
    public async Task PostEvents_NoEventsArray_ProblemNamesTheField()
    {
        var response = await Integration.PostAsJsonAsync("/v1/events", new { items = Array.Empty<object>() });

        var problem = await ShouldBeProblem(response, HttpStatusCode.BadRequest, "missing_field");
        problem.GetProperty("errors")[0].Str("field").Should().Be("events");
    }

    [Test]
    public async Task PostEvents_OversizeBatch_RefusedWhole()
    {
        var sku = await Items.NewAsync(Integration);
        var events = Enumerable.Range(0, 10_001).Select(i => Ev.Make("receipt", sku, Dc, 1, T0)).ToArray();

        var response = await Integration.PostAsJsonAsync("/v1/events", new { events });

        await ShouldBeProblem(response, HttpStatusCode.RequestEntityTooLarge, "batch_too_large");
        (await Integration.GetAsync($"/v1/positions/{sku}/{Dc}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task PutItems_WrongType_ProblemNamesTheField()
    {
        var response = await Integration.PutAsync("/v1/items",
            new StringContent("[{\"sku\":\"SKU-X\",\"unitCost\":\"cheap\"}]", Encoding.UTF8, "application/json"));

        var problem = await ShouldBeProblem(response, HttpStatusCode.BadRequest, "invalid_type");
        problem.GetProperty("errors")[0].Str("field").Should().Be("[0].unitCost");
    }

    [Test]
    public async Task PutItems_OneInvalid_NothingWritten()
    {
        var good = $"SKU-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        var response = await Integration.PutAsJsonAsync("/v1/items", new object[]
        {
            new { sku = good, units = new Dictionary<string, int> { ["case"] = 6 } },
            new { sku = "bad sku with spaces", units = new Dictionary<string, int> { ["case"] = 0 } },
        });

        var problem = await ShouldBeProblem(response, HttpStatusCode.BadRequest, "invalid_value");
        problem.GetProperty("errors").EnumerateArray().Select(e => e.Str("field")).Should().Contain(["[1].sku", "[1].units.case"]);
        (await Integration.GetAsync($"/v1/items/{good}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task PutNodes_UnknownCapabilityAndTimeZone_ProblemNamesEach()
    {
        var response = await Integration.PutAsJsonAsync("/v1/nodes", new[]
        {
            new { code = "DC-X", type = "dc", country = "DE", capabilities = new[] { "teleport" },
                  cutoffs = new[] { new { carrier = "DHL", days = new[] { "mon" }, time = "16:00", timeZone = "Mars/Olympus" } } },
        });

        var problem = await ShouldBeProblem(response, HttpStatusCode.BadRequest, "invalid_value");
        problem.GetProperty("errors").EnumerateArray().Select(e => e.Str("field"))
            .Should().BeEquivalentTo(["[0].capabilities[0]", "[0].cutoffs[0].timeZone"]);
    }

    [Test]
    public async Task GetPosition_AsOfWithoutOffset_ProblemNamesTheField()
    {
        var response = await Integration.GetAsync($"/v1/positions/{Milk}/{Dc}?asOf=2026-11-20T10:00:00");

        var problem = await ShouldBeProblem(response, HttpStatusCode.BadRequest, "invalid_value");
        problem.GetProperty("errors")[0].Str("field").Should().Be("asOf");
    }

    [Test]
    public async Task GetPosition_Unknown_NotFoundProblem()
    {
        await ShouldBeProblem(await Integration.GetAsync($"/v1/positions/SKU-NONE/{Dc}"), HttpStatusCode.NotFound, "not_found");
    }

    static async Task<JsonElement> ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.Str("code").Should().Be(code, body);
        problem.Str("type").Should().EndWith(code.Replace('_', '-'));
        return problem;
    }
}
