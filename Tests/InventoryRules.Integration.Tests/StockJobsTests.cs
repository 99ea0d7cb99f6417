using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// The stock jobs end to end on a real store: stock-reevaluation stores safety stock, holds and reorder
/// figures from the event history, perishable-reorder turns the trigger into a suggestion, a second run
/// writes nothing, hold-expiry releases a hold once it has expired, and decisions show the same floor.
/// </summary>
public sealed class StockJobsTests(string provider) : DecisionFixture(provider)
{
    static readonly TimeSpan HoldLife = TimeSpan.FromSeconds(30);

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Jobs:Server"] = "true", ["Jobs:PollMilliseconds"] = "200", ["Jobs:Schedules:reservation-expiry"] = "off",
        ["Jobs:Schedules:stock-reevaluation"] = "off", ["Jobs:Schedules:hold-expiry"] = "off",
    };

    /// <remarks>
    /// The position by hand. Shipments of 10 units on each of the last 7 days (day 0 a minute ago), none on
    /// the 21 days before: burn rate d = 70 / 7 = 10 a day; the 28-day mean is 70 / 28 = 2.5, the variance
    /// (7 · 7.5² + 21 · 2.5²) / 28 = 525 / 28 = 18.75, so σd = 4.330. Retail's rule: service level 0.95 (z =
    /// 1.6449), lead time 4 ± 1 days: z · sqrt(LT · σd² + d² · σLT²) = 1.6449 · sqrt(4 · 18.75 + 100 · 1) =
    /// 1.6449 · 13.229 = 21.76, rounded up to 22 units.
    /// On hand: received 300 (lot A, 20 days ago, expires in 2.5 days) and 100 (lot B, 2 days ago, expires in
    /// 9.5 days), 70 shipped: 330. First in, first out leaves lot B whole and 230 of lot A.
    /// VIP's hold keeps 30 of them: held = 30. Retail availability at the DC: 330 − 30 held for vip − 22 = 278;
    /// once the hold expires, 330 − 22 = 308.
    /// Reorder: lot A has 2 days left, under the 3-day minimum, so its 230 units do not count: available
    /// 330 − 230 = 100, at or below the reorder point 10 · 40 = 400 (shelf-life factor 0: not lowered): order
    /// up to 10 · 60 = 600, i.e. 500 units, with 230 short-dated units reported.
    /// </remarks>
    [Test]
    public async Task StockJobs_DemandHistoryAndRules_FiguresStoredOnceHoldReleasedDecisionsAgree()
    {
        var now = DateTimeOffset.UtcNow;
        var sku = await PerishableItemAsync();
        var events = new List<object>
        {
            WithLot(Ev.Make("receipt", sku, Dc, 300, now.AddDays(-20)), "LOT-A", now.AddDays(2.5)),
            WithLot(Ev.Make("receipt", sku, Dc, 100, now.AddDays(-2)), "LOT-B", now.AddDays(9.5)),
        };
        for (var day = 0; day < 7; day++) events.Add(Ev.Make("shipment", sku, Dc, 10, day == 0 ? now.AddMinutes(-1) : now.AddDays(-day - 0.5)));
        await Integration.PostEventsAsync([.. events]);
        var expiresAt = DateTimeOffset.UtcNow.Add(HoldLife);
        await PublishRulesAsync(sku, expiresAt);

        var first = await RunAsync("stock-reevaluation");
        first.Str("status").Should().Be("succeeded", first.ToString());
        var summary = first.GetProperty("summary");
        summary.Long("safetyStockChanged").Should().Be(1);
        summary.Long("holdsChanged").Should().Be(1);
        summary.Long("heldChanged").Should().Be(1);
        summary.Long("reordersTriggered").Should().Be(1);
        summary.Long("failures").Should().Be(0);
        Report(first).Should().Contain(l => l.StartsWith($"{sku} at {Dc} for retail: safety stock none → 22 (service_level, z 1.64", StringComparison.Ordinal));

        var safety = (await Operator.GetJsonAsync($"/v1/safety-stock?sku={sku}")).GetProperty("items").EnumerateArray().Single();
        safety.Str("segment").Should().Be("retail");
        safety.Long("units").Should().Be(22);
        safety.Str("method").Should().Be("service_level");
        safety.Str("ruleId").Should().Be("ss-service");
        var inputs = safety.GetProperty("inputs");
        inputs.GetProperty("z").GetDouble().Should().BeApproximately(1.6449, 1e-4);
        inputs.GetProperty("serviceLevel").GetDouble().Should().Be(0.95);
        inputs.GetProperty("demandMean").GetDouble().Should().BeApproximately(10, 1e-9);
        inputs.GetProperty("demandStdDev").GetDouble().Should().BeApproximately(4.3301, 1e-4);
        inputs.Int("daysObserved").Should().Be(28);
        inputs.GetProperty("leadTimeDays").GetDouble().Should().Be(4);
        inputs.GetProperty("leadTimeStdDevDays").GetDouble().Should().Be(1);
        inputs.GetProperty("daysOfSupply").ValueKind.Should().Be(JsonValueKind.Null);
        (await Integration.PositionAsync(sku, Dc)).Long("held").Should().Be(30);

        var reorder = await AfterAsync(first.Str("runId"));
        reorder.Str("status").Should().Be("succeeded", reorder.ToString());
        var figure = (await Operator.GetJsonAsync($"/v1/reorders?sku={sku}&triggered=true")).GetProperty("items").EnumerateArray().Single();
        figure.Long("available").Should().Be(100);
        figure.Long("excludedUnits").Should().Be(230);
        figure.GetProperty("reorderPoint").GetDouble().Should().BeApproximately(400, 1e-9);
        figure.Long("quantity").Should().Be(500);
        figure.Str("reason").Should().Contain("230 units have less than 3 days of shelf life left");
        var suggestion = figure.GetProperty("suggestion");
        suggestion.Str("status").Should().Be("order");
        suggestion.Long("quantity").Should().Be(500);
        suggestion.Long("shortDatedUnits").Should().Be(230);
        suggestion.Str("reason").Should().StartWith($"{sku} at {Dc}: order 500");
        (await AvailableAtDcAsync(sku)).Should().Be(330 - 30 - 22, "retail's promise leaves vip's hold and the stored safety stock");

        var second = await RunAsync("stock-reevaluation");
        second.Str("status").Should().Be("succeeded", second.ToString());
        foreach (var counter in new[] { "safetyStockChanged", "holdsChanged", "heldChanged", "reordersChanged", "unitsReleased", "reordersTriggered" })
        {
            second.GetProperty("summary").Long(counter).Should().Be(0, $"{counter}: nothing changed since the first run");
        }

        var wait = expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        var expiry = await RunAsync("hold-expiry");
        expiry.Str("status").Should().Be("succeeded", expiry.ToString());
        expiry.GetProperty("summary").Long("unitsReleased").Should().Be(30);
        Report(expiry).Should().Contain("hold vip-fence (vip) expired: 30 units released at 1 position");
        (await Integration.PositionAsync(sku, Dc)).Long("held").Should().Be(0);
        (await AvailableAtDcAsync(sku)).Should().Be(330 - 22, "only the stored safety stock is left out");

        var idle = await RunAsync("hold-expiry");
        idle.GetProperty("summary").Long("holdsExpired").Should().Be(0);
        Report(idle).Should().ContainSingle(l => l.Contains("nothing to release", StringComparison.Ordinal));
    }

    [TestCase("/v1/safety-stock?page=0", "page")]
    [TestCase("/v1/safety-stock?pageSize=abc", "pageSize")]
    [TestCase("/v1/safety-stock?segment=nope", "segment")]
    [TestCase("/v1/reorders?triggered=maybe", "triggered")]
    public async Task StockQueries_BadValue_ProblemNamesTheField(string url, string field)
    {
        using var response = await Operator.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.Str("code").Should().Be("invalid_value");
        problem.GetProperty("errors")[0].Str("field").Should().Be(field);
    }

    [TestCase("planner", HttpStatusCode.OK)]
    [TestCase("analyst", HttpStatusCode.OK)]
    [TestCase("oms", HttpStatusCode.Forbidden)]
    [TestCase("integration", HttpStatusCode.Forbidden)]
    public async Task StockQueries_ByRole_ReadersOfRulesOnly(string role, HttpStatusCode expected)
    {
        using var client = Service.ClientFor(role);
        (await client.GetAsync("/v1/safety-stock")).StatusCode.Should().Be(expected);
        (await client.GetAsync("/v1/reorders")).StatusCode.Should().Be(expected);
    }

    async Task<string> PerishableItemAsync()
    {
        var sku = $"SKU-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        (await Integration.PutAsJsonAsync("/v1/items", new[]
        {
            new { sku, description = "Yoghurt", category = "dairy", velocityClass = "A", units = new Dictionary<string, int> { ["each"] = 1 },
                  perishable = true, shelfLifeDays = 14, unitCost = 0.5m, unitPrice = 1.2m },
        })).Should().BeSuccessful();
        (await Integration.PutAsJsonAsync("/v1/segments", new[]
        {
            new { code = "retail", name = "Retail", freshnessToleranceSeconds = 900, serviceLevel = 0.95 },
            new { code = "vip", name = "VIP", freshnessToleranceSeconds = 900, serviceLevel = 0.98 },
        })).Should().BeSuccessful();
        return sku;
    }

    async Task PublishRulesAsync(string sku, DateTimeOffset holdExpiresAt)
    {
        using var planner = Service.ClientFor("planner");
        await PublishAsync(planner, $$"""
            {
              "segment": "retail", "name": "Retail with stock rules",
              "rules": [
                { "id": "split", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 3, "splitPenalty": 1 },
                { "id": "bo", "kind": "backorder", "action": "backorder", "maxBackorderDays": 7 },
                { "id": "ss-service", "kind": "safety_stock", "method": "service_level", "serviceLevel": 0.95, "leadTimeDays": 4,
                  "leadTimeStdDevDays": 1, "scope": { "skus": ["{{sku}}"] } },
                { "id": "ro-fresh", "kind": "reorder", "reorderPoint": "position.BurnRate * 40", "orderUpTo": "position.BurnRate * 60",
                  "minRemainingShelfLifeDays": 3, "shelfLifeFactor": 0, "scope": { "skus": ["{{sku}}"] } }
              ]
            }
            """);
        await PublishAsync(planner, $$"""
            {
              "segment": "vip", "name": "VIP fence",
              "rules": [
                { "id": "vip-fence", "kind": "hold", "forSegment": "vip", "quantity": 30,
                  "expiresAt": "{{holdExpiresAt.ToString("O", CultureInfo.InvariantCulture)}}", "scope": { "skus": ["{{sku}}"] } }
              ]
            }
            """);
    }

    static Dictionary<string, object?> WithLot(Dictionary<string, object?> e, string lot, DateTimeOffset expiry)
    {
        e["lot"] = lot;
        e["expiry"] = expiry.ToString("O", CultureInfo.InvariantCulture);
        return e;
    }

    async Task<long> AvailableAtDcAsync(string sku)
    {
        var (status, answer) = await SendAsync(Oms, "/v1/availability", new
        {
            segment = "retail", shipTo = new { country = "DE" }, lines = new[] { new { sku, quantity = 1 } },
        });
        status.Should().Be(HttpStatusCode.OK, answer.ToString());
        return answer.GetProperty("lines")[0].GetProperty("nodes").EnumerateArray().Single(n => n.Str("node") == Dc).Long("availableNow");
    }

    /// <summary>Triggers the job and waits for a run not seen before to end.</summary>
    async Task<JsonElement> RunAsync(string job)
    {
        var seen = (await RunsAsync(job)).Select(r => r.Str("runId")).ToHashSet();
        using (var trigger = await Operator.PostAsync($"/v1/jobs/{job}/trigger", null)) trigger.StatusCode.Should().Be(HttpStatusCode.Accepted);
        return await EndedAsync(job, r => !seen.Contains(r.Str("runId")));
    }

    /// <summary>The perishable-reorder run that a stock-reevaluation run enqueued when it succeeded.</summary>
    Task<JsonElement> AfterAsync(string stockRunId) => EndedAsync("perishable-reorder", r => r.Str("occurrence") == $"after:{stockRunId}");

    async Task<JsonElement> EndedAsync(string job, Func<JsonElement, bool> which)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if ((await RunsAsync(job)).FirstOrDefault(r => r.Str("status") != "running" && which(r)) is { ValueKind: JsonValueKind.Object } run) return run;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{job} did not finish the run waited for");
            await Task.Delay(200);
        }
    }

    async Task<List<JsonElement>> RunsAsync(string job) =>
        [.. (await Operator.GetJsonAsync($"/v1/jobs/{job}/runs?pageSize=100")).GetProperty("items").EnumerateArray()];

    static List<string> Report(JsonElement run) => [.. run.GetProperty("report").EnumerateArray().Select(l => l.GetString()!)];
}
