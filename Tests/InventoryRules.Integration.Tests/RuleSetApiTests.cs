using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace InventoryRules.Integration.Tests;

/// <summary>A planner's life cycle of a rule set through the API, on SQLite and PostgreSQL.</summary>
public sealed class RuleSetApiTests(string provider) : LedgerFixture(provider)
{
    HttpClient? planner;

    HttpClient Planner => planner ??= Service.ClientFor("planner");

    static JsonObject Document(double holdShare = 0.2, string condition = "position.BurnRate > 5") => JsonNode.Parse($$"""
        {
          "segment": "retail", "name": "Retail rules", "description": "test",
          "rules": [
            { "id": "hold-a", "kind": "hold", "forSegment": "retail", "share": {{holdShare.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
              "condition": "{{condition.Replace("\"", "\\\"")}}" },
            { "id": "split", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 2, "splitPenalty": 3 }
          ]
        }
        """)!.AsObject();

    async Task<JsonElement> CreateAsync(JsonObject document)
    {
        var response = await Planner.PostAsJsonAsync("/v1/rulesets", document);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body.ToString());
        return body;
    }

    async Task<HttpResponseMessage> PutAsync(string id, JsonObject document, long revision)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/rulesets/{id}") { Content = JsonContent.Create(document) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{revision}\""));
        return await Planner.SendAsync(request);
    }

    [Test]
    public async Task Lifecycle_CreateEditPublishDiffRollback_HistoryKept()
    {
        var draft = await CreateAsync(Document());
        var id = draft.Str("id");
        draft.Str("status").Should().Be("draft");

        (await PutAsync(id, Document(holdShare: 0.3), draft.Long("revision"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var publish = await Planner.PostAsJsonAsync($"/v1/rulesets/{id}/publish", new { comment = "first" });
        var published = await publish.Content.ReadFromJsonAsync<JsonElement>();
        publish.StatusCode.Should().Be(HttpStatusCode.OK, published.ToString());
        published.Str("status").Should().Be("published");
        published.GetProperty("active").GetBoolean().Should().BeTrue();

        var refused = await PutAsync(id, Document(), published.Long("revision"));
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).Str("code").Should().Be("not_draft");

        var second = await (await Planner.PostAsync($"/v1/rulesets/{id}/drafts", null)).Content.ReadFromJsonAsync<JsonElement>();
        (await PutAsync(second.Str("id"), Document(holdShare: 0.5), second.Long("revision"))).EnsureSuccessStatusCode();
        (await Planner.PostAsJsonAsync($"/v1/rulesets/{second.Str("id")}/publish", new { comment = "wider hold" })).EnsureSuccessStatusCode();

        var diff = await Planner.GetJsonAsync($"/v1/rulesets/diff?from={id}&to={second.Str("id")}");
        var change = diff.GetProperty("rules").EnumerateArray().Single();
        change.Str("id").Should().Be("hold-a");
        change.GetProperty("fields")[0].Str("pointer").Should().Be("/share");

        var rollback = await Planner.PostAsJsonAsync($"/v1/rulesets/{id}/rollback", new { comment = "back to 30%" });
        rollback.StatusCode.Should().Be(HttpStatusCode.Created);
        var restored = await rollback.Content.ReadFromJsonAsync<JsonElement>();
        restored.Long("version").Should().BeGreaterThan(second.Long("version"));
        restored.GetProperty("document").GetProperty("rules")[0].GetProperty("share").GetDouble().Should().Be(0.3);
        restored.GetProperty("active").GetBoolean().Should().BeTrue();

        using var analyst = Service.ClientFor("analyst");
        var history = await analyst.GetJsonAsync("/v1/rulesets?segment=retail");
        history.EnumerateArray().Where(r => r.Str("status") == "published").Should().HaveCountGreaterThanOrEqualTo(3);
        (await analyst.GetJsonAsync($"/v1/rulesets/{second.Str("id")}")).GetProperty("document").GetProperty("rules")[0]
            .GetProperty("share").GetDouble().Should().Be(0.5, "a published version never changes");
    }

    [Test]
    public async Task Publish_EffectiveTomorrow_TodaysVersionStaysInForce()
    {
        var today = await CreateAsync(Document());
        (await Planner.PostAsJsonAsync($"/v1/rulesets/{today.Str("id")}/publish", new { })).EnsureSuccessStatusCode();
        var tomorrow = await CreateAsync(Document(holdShare: 0.4));

        var scheduled = await Planner.PostAsJsonAsync($"/v1/rulesets/{tomorrow.Str("id")}/publish",
            new { comment = "from tomorrow", effectiveFrom = DateTimeOffset.UtcNow.AddDays(1).ToString("O") });

        var body = await scheduled.Content.ReadFromJsonAsync<JsonElement>();
        scheduled.StatusCode.Should().Be(HttpStatusCode.OK, body.ToString());
        body.GetProperty("active").GetBoolean().Should().BeFalse();
        (await Planner.GetJsonAsync($"/v1/rulesets/{today.Str("id")}")).GetProperty("active").GetBoolean().Should().BeTrue();
    }

    [Test]
    public async Task Update_StaleRevision_NamesWhoSavedFirst()
    {
        var draft = await CreateAsync(Document());
        var id = draft.Str("id");
        using var admin = Service.ClientFor("admin");
        var first = new HttpRequestMessage(HttpMethod.Put, $"/v1/rulesets/{id}") { Content = JsonContent.Create(Document(holdShare: 0.25)) };
        first.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{draft.Long("revision")}\""));
        (await admin.SendAsync(first)).EnsureSuccessStatusCode();

        var second = await PutAsync(id, Document(holdShare: 0.4), draft.Long("revision"));

        second.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).Str("detail").Should().Contain("saved by development admin");
        var saved = await Planner.GetJsonAsync($"/v1/rulesets/{id}");
        saved.Str("updatedBy").Should().Be("development admin");
        saved.Str("author").Should().Be("development planner", "the author is who created the draft");
    }

    [Test]
    public async Task Update_StaleRevision_ConflictNotOverwrite()
    {
        var draft = await CreateAsync(Document());
        var id = draft.Str("id");
        (await PutAsync(id, Document(holdShare: 0.25), draft.Long("revision"))).EnsureSuccessStatusCode();

        var second = await PutAsync(id, Document(holdShare: 0.4), draft.Long("revision"));

        second.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).Str("code").Should().Be("version_conflict");
        (await Planner.GetJsonAsync($"/v1/rulesets/{id}")).GetProperty("document").GetProperty("rules")[0]
            .GetProperty("share").GetDouble().Should().Be(0.25);
    }

    [Test]
    public async Task Update_WithoutIfMatch_PreconditionRequired()
    {
        var draft = await CreateAsync(Document());
        var response = await Planner.PutAsJsonAsync($"/v1/rulesets/{draft.Str("id")}", Document());

        response.StatusCode.Should().Be((HttpStatusCode)428);
    }

    [Test]
    public async Task Publish_HostileExpression_RefusedWithLocatedProblem()
    {
        var draft = await CreateAsync(Document(condition: "\"\".GetType().Assembly.FullName != null"));
        draft.GetProperty("problems").EnumerateArray().Should().Contain(p => p.Str("pointer") == "/rules/0/condition");

        var publish = await Planner.PostAsJsonAsync($"/v1/rulesets/{draft.Str("id")}/publish", new { });

        publish.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await publish.Content.ReadFromJsonAsync<JsonElement>();
        problem.Str("code").Should().Be("ruleset_invalid");
        problem.GetProperty("problems").EnumerateArray().Should().Contain(p => p.Str("pointer") == "/rules/0/condition" && p.Str("severity") == "error");
        (await Planner.GetJsonAsync($"/v1/rulesets/{draft.Str("id")}")).Str("status").Should().Be("draft");
    }

    [Test]
    public async Task Validate_HoldsOverAllStock_Reported()
    {
        var document = Document(holdShare: 0.7);
        document["rules"]!.AsArray().Add(JsonNode.Parse("""{ "id": "hold-b", "kind": "hold", "forSegment": "retail", "share": 0.6 }"""));
        document["rules"]![0]!.AsObject().Remove("condition");
        var draft = await CreateAsync(document);

        var result = await Planner.PostAsync($"/v1/rulesets/{draft.Str("id")}/validate", null);

        var body = await result.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("valid").GetBoolean().Should().BeFalse();
        body.GetProperty("problems").EnumerateArray().Select(p => p.Str("code")).Should().Contain("holds_exceed_stock");
    }

    [Test]
    public async Task Create_UnknownSegment_Refused()
    {
        var document = Document();
        document["segment"] = "martians";

        var response = await Planner.PostAsJsonAsync("/v1/rulesets", document);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("code").Should().Be("unknown_segment");
    }

    [Test]
    public async Task Archive_ActiveVersion_Refused()
    {
        var draft = await CreateAsync(Document());
        (await Planner.PostAsJsonAsync($"/v1/rulesets/{draft.Str("id")}/publish", new { })).EnsureSuccessStatusCode();

        var response = await Planner.PostAsync($"/v1/rulesets/{draft.Str("id")}/archive", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("code").Should().Be("active_version");
    }

    [TestCase("oms")]
    [TestCase("integration")]
    public async Task ReadRuleSets_RoleWithoutRules_Forbidden(string role)
    {
        using var client = Service.ClientFor(role);
        (await client.GetAsync("/v1/rulesets")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [TestCase("analyst")]
    [TestCase("operator")]
    public async Task WriteRuleSets_ReadOnlyRole_Forbidden(string role)
    {
        using var client = Service.ClientFor(role);
        (await client.PostAsJsonAsync("/v1/rulesets", Document())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/v1/rulesets")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
