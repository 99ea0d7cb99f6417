using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace InventoryRules.Integration.Tests.Experiments;

/// <summary>Creating experiments (every refusal with its code and field), the state rules, and who may do what.</summary>
public sealed class ExperimentApiTests(string provider) : ExperimentFixture(provider)
{
    static readonly DateTimeOffset Later = DateTimeOffset.UtcNow.AddDays(30);

    public static IEnumerable<TestCaseData> InvalidBodies()
    {
        object Body(string? name = "n", string? segment = "retail", string? control = "C", string? variant = "V", double? share = 0.2,
            object? window = null, string? key = "order", bool noWindow = false) => new
            {
                name, segment, controlRuleSetId = control, variantRuleSetId = variant, trafficShare = share,
                window = noWindow ? null : window ?? new { from = Later, to = Later.AddDays(1) }, assignmentKey = key,
            };
        yield return new TestCaseData(Body(name: ""), "name").SetName("Create_NoName_Invalid");
        yield return new TestCaseData(Body(name: new string('x', 201)), "name").SetName("Create_LongName_Invalid");
        yield return new TestCaseData(Body(segment: null), "segment").SetName("Create_NoSegment_Invalid");
        yield return new TestCaseData(Body(segment: "nowhere"), "segment").SetName("Create_UnknownSegment_Invalid");
        yield return new TestCaseData(Body(control: null), "controlRuleSetId").SetName("Create_NoControl_Invalid");
        yield return new TestCaseData(Body(variant: null), "variantRuleSetId").SetName("Create_NoVariant_Invalid");
        yield return new TestCaseData(Body(variant: "C"), "variantRuleSetId").SetName("Create_SameVersions_Invalid");
        yield return new TestCaseData(Body(share: null), "trafficShare").SetName("Create_NoShare_Invalid");
        yield return new TestCaseData(Body(share: 0), "trafficShare").SetName("Create_ZeroShare_Invalid");
        yield return new TestCaseData(Body(share: 1.5), "trafficShare").SetName("Create_ShareAboveOne_Invalid");
        yield return new TestCaseData(Body(noWindow: true), "window").SetName("Create_NoWindow_Invalid");
        yield return new TestCaseData(Body(window: new { to = Later }), "window.from").SetName("Create_NoWindowStart_Invalid");
        yield return new TestCaseData(Body(window: new { from = Later, to = Later }), "window.to").SetName("Create_EmptyWindow_Invalid");
        yield return new TestCaseData(Body(key: "basket"), "assignmentKey").SetName("Create_UnknownKey_Invalid");
    }

    [TestCaseSource(nameof(InvalidBodies))]
    public async Task Create_InvalidField_ExperimentInvalidWithField(object body, string field)
    {
        var (status, problem) = await SendAsync(Analyst, "/v1/experiments", body);

        status.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
        problem.Str("code").Should().Be("experiment_invalid");
        problem.GetProperty("errors").EnumerateArray().Should().Contain(e => e.Str("field") == field && e.Str("code") == "experiment_invalid",
            problem.ToString());
    }

    [Test]
    public async Task Create_VersionsNotUsable_CodeAndField()
    {
        using var integration = Service.ClientFor("integration");
        (await integration.PutAsJsonAsync("/v1/segments", new[] { new { code = "vip", name = "VIP", freshnessToleranceSeconds = 60, serviceLevel = 0.98 } }))
            .Should().BeSuccessful();
        await PublishAsync(Planner, """{ "segment": "vip", "name": "VIP", "rules": [] }""");
        var vip = (await Planner.GetJsonAsync("/v1/rulesets?segment=vip")).EnumerateArray().Single().Str("id");
        var draft = (await (await Planner.PostAsync("/v1/rulesets", new StringContent(VariantRuleSet, System.Text.Encoding.UTF8, "application/json")))
            .Content.ReadFromJsonAsync<JsonElement>()).Str("id");

        await ExpectAsync(Body(ControlId, "rs-does-not-exist"), HttpStatusCode.UnprocessableEntity, "rule_set_not_found", "variantRuleSetId");
        await ExpectAsync(Body("rs-does-not-exist", VariantId), HttpStatusCode.UnprocessableEntity, "rule_set_not_found", "controlRuleSetId");
        await ExpectAsync(Body(ControlId, draft), HttpStatusCode.UnprocessableEntity, "rule_set_not_immutable", "variantRuleSetId");
        await ExpectAsync(Body(vip, VariantId), HttpStatusCode.UnprocessableEntity, "rule_set_wrong_segment", "controlRuleSetId");

        object Body(string control, string variant) => new
        {
            name = "x", segment = "retail", controlRuleSetId = control, variantRuleSetId = variant, trafficShare = 0.5,
            window = new { from = Later, to = Later.AddDays(1) },
        };
    }

    [Test]
    public async Task StartStop_StateRulesAndOverlap()
    {
        var from = Later.AddDays(10);
        var first = await CreateAsync(NewExperiment(from: from, to: from.AddDays(7)));
        var id = first.Str("id");
        first.Str("status").Should().Be("draft");
        first.GetProperty("control").Str("ruleSetId").Should().Be(ControlId);
        first.GetProperty("variant").Long("version").Should().Be(3);
        first.GetProperty("replay").ValueKind.Should().Be(JsonValueKind.Null);
        first.Str("createdBy").Should().NotBeNullOrEmpty();

        await ExpectAsync(null, HttpStatusCode.Conflict, "experiment_state", null, $"/v1/experiments/{id}/stop");
        var (started, running) = await SendAsync(Analyst, $"/v1/experiments/{id}/start", null);
        started.Should().Be(HttpStatusCode.OK, running.ToString());
        running.Str("status").Should().Be("running");
        running.GetProperty("startedAt").ValueKind.Should().Be(JsonValueKind.String);
        await ExpectAsync(null, HttpStatusCode.Conflict, "experiment_state", null, $"/v1/experiments/{id}/start");

        // Another experiment whose window overlaps the running one's is refused, at creation and at start.
        await ExpectAsync(NewExperiment(from: from.AddDays(6), to: from.AddDays(8)), HttpStatusCode.Conflict, "experiment_overlap", "window");
        var second = (await CreateAsync(NewExperiment(from: from.AddDays(7), to: from.AddDays(8)))).Str("id");
        var third = (await CreateAsync(NewExperiment(from: from.AddDays(7), to: from.AddDays(9)))).Str("id");
        (await SendAsync(Analyst, $"/v1/experiments/{second}/start", null)).Status.Should().Be(HttpStatusCode.OK, "windows that only touch do not overlap");
        await ExpectAsync(null, HttpStatusCode.Conflict, "experiment_overlap", "window", $"/v1/experiments/{third}/start");

        var (stopped, stoppedBody) = await SendAsync(Analyst, $"/v1/experiments/{id}/stop", null);
        stopped.Should().Be(HttpStatusCode.OK);
        stoppedBody.Str("status").Should().Be("stopped");
        stoppedBody.GetProperty("stoppedAt").ValueKind.Should().Be(JsonValueKind.String);
        await ExpectAsync(null, HttpStatusCode.Conflict, "experiment_state", null, $"/v1/experiments/{id}/stop");
        await ExpectAsync(null, HttpStatusCode.Conflict, "experiment_state", null, $"/v1/experiments/{id}/start");
        (await SendAsync(Analyst, $"/v1/experiments/{second}/stop", null)).Status.Should().Be(HttpStatusCode.OK);

        var stoppedList = await Planner.GetJsonAsync("/v1/experiments?segment=retail&status=stopped");
        stoppedList.GetProperty("items").EnumerateArray().Select(e => e.Str("id")).Should().Contain([id, second]).And.NotContain(third);
        (await Planner.GetJsonAsync($"/v1/experiments/{third}")).Str("status").Should().Be("draft");
        (await Analyst.GetAsync("/v1/experiments/exp-none")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Analyst.GetAsync("/v1/experiments?status=paused")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [TestCase("analyst", HttpStatusCode.OK, HttpStatusCode.Created)]
    [TestCase("admin", HttpStatusCode.OK, HttpStatusCode.Created)]
    [TestCase("planner", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [TestCase("operator", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [TestCase("oms", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [TestCase("integration", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task Roles_ReadAndWrite(string role, HttpStatusCode read, HttpStatusCode write)
    {
        using var client = Service.ClientFor(role);
        (await client.GetAsync("/v1/experiments")).StatusCode.Should().Be(read);
        var from = Later.AddDays(100 + Random.Shared.Next(1000));
        (await SendAsync(client, "/v1/experiments", NewExperiment(from: from, to: from.AddHours(1)))).Status.Should().Be(write);
    }

    async Task ExpectAsync(object? body, HttpStatusCode status, string code, string? field, string url = "/v1/experiments")
    {
        var (actual, problem) = await SendAsync(Analyst, url, body);
        actual.Should().Be(status, problem.ToString());
        problem.Str("code").Should().Be(code);
        if (field is not null) problem.GetProperty("errors").EnumerateArray().Should().Contain(e => e.Str("field") == field && e.Str("code") == code);
    }
}
