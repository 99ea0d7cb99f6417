using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// The job list, runs and "run now" over the API, and the Hangfire dashboard at /jobs: admins and operators
/// only, by key or by the session the web tool opens.
/// </summary>
public sealed class JobsApiTests(string provider) : DecisionFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Jobs:Server"] = "true", ["Jobs:PollMilliseconds"] = "200", ["Jobs:Schedules:reservation-expiry"] = "off",
    };

    [TestCase(null, HttpStatusCode.Unauthorized)]
    [TestCase("dev-nobody", HttpStatusCode.Unauthorized)]
    [TestCase("dev-planner", HttpStatusCode.Forbidden)]
    [TestCase("dev-analyst", HttpStatusCode.Forbidden)]
    [TestCase("dev-oms", HttpStatusCode.Forbidden)]
    [TestCase("dev-operator", HttpStatusCode.OK)]
    [TestCase("dev-admin", HttpStatusCode.OK)]
    public async Task Dashboard_ByKey_OnlyAdminsAndOperators(string? key, HttpStatusCode expected)
    {
        using var client = Service.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var page = await client.GetAsync("/jobs/recurring");
        page.StatusCode.Should().Be(expected);
        if (expected != HttpStatusCode.OK)
        {
            (await page.Content.ReadFromJsonAsync<JsonElement>()).Str("code").Should().Be(expected == HttpStatusCode.Unauthorized ? "unauthorized" : "forbidden");
        }
        if (expected == HttpStatusCode.OK) (await page.Content.ReadAsStringAsync()).Should().Contain("InventoryRules jobs");
    }

    [Test]
    public async Task Dashboard_BySession_OpenUntilClosed()
    {
        using var browser = Service.CreateClient();
        (await browser.GetAsync("/jobs")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using (var open = new HttpRequestMessage(HttpMethod.Post, "/v1/session"))
        {
            open.Headers.Add("X-Api-Key", "dev-operator");
            var opened = await browser.SendAsync(open);
            opened.StatusCode.Should().Be(HttpStatusCode.NoContent);
            opened.Headers.GetValues("Set-Cookie").Single().Should().Contain("ir_session=").And.Contain("httponly").And.Contain("samesite=strict");
        }
        (await browser.GetAsync("/jobs")).StatusCode.Should().Be(HttpStatusCode.OK, "the cookie stands in for the key on a page navigation");
        (await browser.GetAsync("/v1/jobs")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the API itself takes keys only");

        (await browser.DeleteAsync("/v1/session")).StatusCode.Should().Be(HttpStatusCode.NoContent, "the cookie alone may end its session");
        (await browser.GetAsync("/jobs")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Dashboard_SessionOfPlannerOrRevokedKey_Refused()
    {
        using var planner = Service.CreateClient();
        await OpenSessionAsync(planner, "dev-planner");
        (await planner.GetAsync("/jobs")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var admin = Service.ClientFor("admin");
        var created = await (await admin.PostAsJsonAsync("/v1/api-keys", new { name = "night shift", role = "operator" })).Content.ReadFromJsonAsync<JsonElement>();
        using var browser = Service.CreateClient();
        await OpenSessionAsync(browser, created.Str("key"));
        (await browser.GetAsync("/jobs")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.DeleteAsync($"/v1/api-keys/{created.Str("id")}")).IsSuccessStatusCode.Should().BeTrue();
        (await browser.GetAsync("/jobs")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a revoked key ends its sessions");
    }

    [Test]
    public async Task Jobs_ListedWithScheduleAndRoles()
    {
        var jobs = await Operator.GetJsonAsync("/v1/jobs");
        var expiry = jobs.EnumerateArray().Single(j => j.Str("name") == "reservation-expiry");
        expiry.Str("kind").Should().Be("recurring");
        expiry.GetProperty("schedule").ValueKind.Should().Be(JsonValueKind.Null, "configuration turned it off");

        using var oms = Service.ClientFor("oms");
        (await oms.GetAsync("/v1/jobs")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var analyst = Service.ClientFor("analyst");
        (await analyst.GetAsync("/v1/jobs")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await analyst.PostAsync("/v1/jobs/reservation-expiry/trigger", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Operator.PostAsync("/v1/jobs/no-such-job/trigger", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var replay = await Operator.PostAsync("/v1/jobs/experiment-replay/trigger", null);
        replay.StatusCode.Should().Be(HttpStatusCode.Conflict, "a replay belongs to an experiment");
        (await replay.Content.ReadFromJsonAsync<JsonElement>()).Str("code").Should().Be("job_not_run_by_hand");
    }

    [Test]
    public async Task Trigger_ReservationExpiry_RunReportsWhatItExpired()
    {
        var sku = await StockedItemAsync(5);
        var (_, answer) = await SourceAsync(NewOrderId(), Order(sku, 5, ttl: 1));
        Allocated(answer).Should().Be(5);
        await Task.Delay(1500);

        using var trigger = await Operator.PostAsync("/v1/jobs/reservation-expiry/trigger", null);
        trigger.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var occurrence = (await trigger.Content.ReadFromJsonAsync<JsonElement>()).Str("occurrence");
        var run = await FinishedRunAsync("reservation-expiry");
        run.Str("occurrence").Should().Be(occurrence, "the answer names the run to follow");

        run.Str("status").Should().Be("succeeded", run.ToString());
        run.GetProperty("summary").Long("expired").Should().BeGreaterThanOrEqualTo(1);
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(0);
        var runs = await Operator.GetJsonAsync("/v1/jobs/reservation-expiry/runs");
        runs.Long("total").Should().BeGreaterThanOrEqualTo(1);
        (await Operator.GetJsonAsync($"/v1/jobs/runs/{run.Str("runId")}")).Str("job").Should().Be("reservation-expiry");
    }

    async Task<JsonElement> FinishedRunAsync(string job)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var listed = (await Operator.GetJsonAsync("/v1/jobs")).EnumerateArray().Single(j => j.Str("name") == job);
            if (listed.GetProperty("lastRun") is { ValueKind: JsonValueKind.Object } run && run.Str("status") != "running") return run;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{job} did not finish: {listed}");
            await Task.Delay(200);
        }
    }

    static async Task OpenSessionAsync(HttpClient browser, string key)
    {
        using var open = new HttpRequestMessage(HttpMethod.Post, "/v1/session");
        open.Headers.Add("X-Api-Key", key);
        (await browser.SendAsync(open)).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }
}
