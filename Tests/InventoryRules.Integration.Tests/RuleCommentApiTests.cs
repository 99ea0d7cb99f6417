using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// Feedback on rule sets from the floor, on SQLite and PostgreSQL. Every test names its own rules
/// (rule ids are per test) so that the comments of the fixture's other tests on the same segment never
/// get in the way.
/// </summary>
public sealed class RuleCommentApiTests(string provider) : LedgerFixture(provider)
{
    HttpClient? planner;

    HttpClient Planner => planner ??= Service.ClientFor("planner");

    static string NewSuffix() => Guid.NewGuid().ToString("N")[..10];

    static JsonObject Document(string segment, string suffix) => JsonNode.Parse($$"""
        {
          "segment": "{{segment}}", "name": "Comment test rules",
          "rules": [
            { "id": "hold-{{suffix}}", "kind": "hold", "forSegment": "{{segment}}", "share": 0.2, "condition": "position.BurnRate > 5" },
            { "id": "split-{{suffix}}", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 2, "splitPenalty": 3 }
          ]
        }
        """)!.AsObject();

    async Task<string> DraftAsync(string suffix, string segment = "retail")
    {
        var response = await Planner.PostAsJsonAsync("/v1/rulesets", Document(segment, suffix));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body.ToString());
        return body.Str("id");
    }

    async Task<string> PublishedAsync(string suffix)
    {
        var id = await DraftAsync(suffix);
        var publish = await Planner.PostAsJsonAsync($"/v1/rulesets/{id}/publish", new { comment = "for comments" });
        publish.StatusCode.Should().Be(HttpStatusCode.OK, await publish.Content.ReadAsStringAsync());
        return id;
    }

    static Task<HttpResponseMessage> PostCommentAsync(HttpClient client, string id, string? ruleId, string? body) =>
        client.PostAsJsonAsync($"/v1/rulesets/{id}/comments", new { ruleId, body });

    static async Task<JsonElement> CommentAsync(HttpClient client, string id, string? ruleId, string body)
    {
        var response = await PostCommentAsync(client, id, ruleId, body);
        var comment = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.Should().Be(HttpStatusCode.Created, comment.ToString());
        return comment;
    }

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.Should().Be(status, problem.ToString());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return problem;
    }

    static string? RuleIdOf(JsonElement comment) =>
        comment.TryGetProperty("ruleId", out var ruleId) && ruleId.ValueKind == JsonValueKind.String ? ruleId.GetString() : null;

    [TestCase("analyst")]
    [TestCase("operator")]
    [TestCase("planner")]
    [TestCase("admin")]
    public async Task Post_RoleThatReadsRules_CreatedWithAuthorRoleAndVersion(string role)
    {
        var suffix = NewSuffix();
        var id = await PublishedAsync(suffix);
        var version = (await Planner.GetJsonAsync($"/v1/rulesets/{id}")).Long("version");
        using var client = Service.ClientFor(role);

        var response = await PostCommentAsync(client, id, $"hold-{suffix}", "Held stock sat idle at DC-1 all week");

        var comment = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.Should().Be(HttpStatusCode.Created, comment.ToString());
        response.Headers.Location!.ToString().Should().Be($"/v1/rulesets/{id}/comments");
        comment.Long("id").Should().BePositive();
        comment.Str("ruleSetId").Should().Be(id);
        comment.Str("segment").Should().Be("retail");
        comment.Long("version").Should().Be(version);
        comment.Str("ruleId").Should().Be($"hold-{suffix}");
        comment.Str("author").Should().Be($"development {role}");
        comment.Str("role").Should().Be(role);
        comment.Str("body").Should().Be("Held stock sat idle at DC-1 all week");
        comment.Str("createdAt").Should().EndWith("Z");
        DateTimeOffset.Parse(comment.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Test]
    public async Task Post_WithoutRuleId_OnTheWholeVersion()
    {
        var suffix = NewSuffix();
        var id = await DraftAsync(suffix);

        var comment = await CommentAsync(Operator, id, null, $"whole version {suffix}");

        RuleIdOf(comment).Should().BeNull();
        (await Operator.GetJsonAsync($"/v1/rulesets/{id}/comments")).EnumerateArray()
            .Should().Contain(c => c.Str("body") == $"whole version {suffix}" && RuleIdOf(c) == null);
    }

    [TestCase("oms")]
    [TestCase("integration")]
    public async Task Comments_RoleWithoutRules_Forbidden(string role)
    {
        var id = await DraftAsync(NewSuffix());
        using var client = Service.ClientFor(role);

        (await ProblemAsync(await PostCommentAsync(client, id, null, "hello"), HttpStatusCode.Forbidden)).Str("code").Should().Be("forbidden");
        (await ProblemAsync(await client.GetAsync($"/v1/rulesets/{id}/comments"), HttpStatusCode.Forbidden)).Str("code").Should().Be("forbidden");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   \n ")]
    public async Task Post_BodyMissingOrBlank_MissingFieldOnBody(string? body)
    {
        var id = await DraftAsync(NewSuffix());

        var problem = await ProblemAsync(await PostCommentAsync(Operator, id, null, body), HttpStatusCode.BadRequest);

        problem.Str("code").Should().Be("missing_field");
        var error = problem.GetProperty("errors").EnumerateArray().Single();
        error.Str("field").Should().Be("body");
        error.Str("code").Should().Be("missing_field");
    }

    [Test]
    public async Task Post_BodyOver4000Characters_InvalidValueOnBody()
    {
        var id = await DraftAsync(NewSuffix());
        await CommentAsync(Operator, id, null, new string('x', 4000));

        var problem = await ProblemAsync(await PostCommentAsync(Operator, id, null, new string('x', 4001)), HttpStatusCode.BadRequest);

        var error = problem.GetProperty("errors").EnumerateArray().Single();
        error.Str("field").Should().Be("body");
        error.Str("code").Should().Be("invalid_value");
    }

    [Test]
    public async Task Post_RuleNotInThatVersion_UnknownRuleOnRuleId()
    {
        var suffix = NewSuffix();
        var id = await DraftAsync(suffix);

        var problem = await ProblemAsync(await PostCommentAsync(Operator, id, "no-such-rule", "why?"), HttpStatusCode.BadRequest);

        problem.Str("code").Should().Be("unknown_rule");
        var error = problem.GetProperty("errors").EnumerateArray().Single();
        error.Str("field").Should().Be("ruleId");
        error.Str("code").Should().Be("unknown_rule");
    }

    [Test]
    public async Task Post_BlankBodyAndUnknownRule_BothFieldsReported()
    {
        var id = await DraftAsync(NewSuffix());

        var problem = await ProblemAsync(await PostCommentAsync(Operator, id, "no-such-rule", " "), HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateArray().Select(e => (e.Str("field"), e.Str("code")))
            .Should().BeEquivalentTo([("body", "missing_field"), ("ruleId", "unknown_rule")]);
    }

    [Test]
    public async Task Comments_UnknownRuleSet_NotFound()
    {
        (await ProblemAsync(await PostCommentAsync(Operator, "retail-v99999", null, "hello"), HttpStatusCode.NotFound))
            .Str("code").Should().Be("not_found");
        (await ProblemAsync(await Operator.GetAsync("/v1/rulesets/retail-v99999/comments"), HttpStatusCode.NotFound))
            .Str("code").Should().Be("not_found");
    }

    [Test]
    public async Task List_FromALaterDraft_ShowsFeedbackOnTheEarlierVersion()
    {
        var suffix = NewSuffix();
        var published = await PublishedAsync(suffix);
        var v1 = (await Planner.GetJsonAsync($"/v1/rulesets/{published}")).Long("version");
        using var analyst = Service.ClientFor("analyst");
        await CommentAsync(Operator, published, $"hold-{suffix}", "hold starved the stores on Saturday");
        var copy = await Planner.PostAsync($"/v1/rulesets/{published}/drafts", null);
        var draft = await copy.Content.ReadFromJsonAsync<JsonElement>();
        copy.StatusCode.Should().Be(HttpStatusCode.Created, draft.ToString());
        await CommentAsync(analyst, draft.Str("id"), $"hold-{suffix}", "lower the share to 10%?");

        var listed = (await Planner.GetJsonAsync($"/v1/rulesets/{draft.Str("id")}/comments?ruleId=hold-{suffix}")).EnumerateArray().ToList();

        listed.Select(c => c.Str("body")).Should().Equal("lower the share to 10%?", "hold starved the stores on Saturday");
        listed[1].Str("ruleSetId").Should().Be(published);
        listed[1].Long("version").Should().Be(v1);
        listed[1].Str("role").Should().Be("operator");
        listed[0].Str("ruleSetId").Should().Be(draft.Str("id"));
        listed[0].Long("version").Should().Be(draft.Long("version")).And.BeGreaterThan(v1);
        (await Planner.GetJsonAsync($"/v1/rulesets/{published}/comments?ruleId=hold-{suffix}")).EnumerateArray()
            .Should().HaveCount(2, "the same segment's comments, whichever version is asked from");
    }

    [Test]
    public async Task List_RuleIdFilter_OnlyThatRulesComments()
    {
        var suffix = NewSuffix();
        var id = await DraftAsync(suffix);
        await CommentAsync(Operator, id, $"hold-{suffix}", $"on hold {suffix}");
        await CommentAsync(Operator, id, $"split-{suffix}", $"on split {suffix}");
        await CommentAsync(Operator, id, null, $"on all {suffix}");

        var hold = (await Operator.GetJsonAsync($"/v1/rulesets/{id}/comments?ruleId=hold-{suffix}")).EnumerateArray().ToList();
        var all = (await Operator.GetJsonAsync($"/v1/rulesets/{id}/comments")).EnumerateArray().ToList();

        hold.Select(c => c.Str("body")).Should().Equal($"on hold {suffix}");
        all.Select(c => c.Str("body")).Where(b => b.EndsWith(suffix, StringComparison.Ordinal))
            .Should().Equal($"on all {suffix}", $"on split {suffix}", $"on hold {suffix}");
    }

    [Test]
    public async Task List_NewestFirst()
    {
        var suffix = NewSuffix();
        var id = await DraftAsync(suffix);
        for (var i = 1; i <= 4; i++) await CommentAsync(Operator, id, $"split-{suffix}", $"note {i}");

        var listed = (await Operator.GetJsonAsync($"/v1/rulesets/{id}/comments?ruleId=split-{suffix}")).EnumerateArray().ToList();

        listed.Select(c => c.Str("body")).Should().Equal("note 4", "note 3", "note 2", "note 1");
        listed.Select(c => DateTimeOffset.Parse(c.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeInDescendingOrder();
        listed.Select(c => c.Long("id")).Should().BeInDescendingOrder();
    }

    [Test]
    public async Task List_AnotherSegmentsComments_NotShown()
    {
        (await Integration.PutAsJsonAsync("/v1/segments", new[]
        {
            new { code = "outlet", name = "Outlet", freshnessToleranceSeconds = 900, serviceLevel = 0.9 },
        })).Should().BeSuccessful();
        var suffix = NewSuffix();
        var retail = await DraftAsync(suffix);
        var outlet = await DraftAsync(suffix, "outlet");
        await CommentAsync(Operator, retail, $"hold-{suffix}", "retail feedback");
        await CommentAsync(Operator, outlet, $"hold-{suffix}", "outlet feedback");

        var listed = await Operator.GetJsonAsync($"/v1/rulesets/{retail}/comments?ruleId=hold-{suffix}");

        listed.EnumerateArray().Select(c => c.Str("body")).Should().Equal("retail feedback");
    }

    [Test]
    public async Task OpenApi_CommentBody_KeptApartFromTheRollbackComment()
    {
        var document = await Operator.GetJsonAsync("/openapi/v1.json");
        IEnumerable<string> BodyProperties(string path)
        {
            var schema = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody")
                .GetProperty("content").GetProperty("application/json").GetProperty("schema");
            var reference = (schema.TryGetProperty("oneOf", out var oneOf) ? oneOf.EnumerateArray().Single(s => s.TryGetProperty("$ref", out _)) : schema)
                .GetProperty("$ref").GetString()!.Split('/')[^1];
            return document.GetProperty("components").GetProperty("schemas").GetProperty(reference).GetProperty("properties")
                .EnumerateObject().Select(p => p.Name);
        }

        BodyProperties("/v1/rulesets/{id}/comments").Should().BeEquivalentTo("ruleId", "body");
        BodyProperties("/v1/rulesets/{id}/rollback").Should().BeEquivalentTo("comment");
    }
}
