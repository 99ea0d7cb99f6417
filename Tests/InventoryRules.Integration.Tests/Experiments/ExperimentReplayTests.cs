using System.Net;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests.Experiments;

/// <summary>
/// Offline replay: the segment's logged decisions decided again under both versions against their logged
/// snapshots, with progress, the same numbers every time, and results that agree with the logged decisions.
/// </summary>
public sealed class ExperimentReplayTests(string provider) : ExperimentFixture(provider)
{
    const int Orders = 12;

    readonly List<string> decisionIds = [];
    JsonElement experiment;

    [OneTimeSetUp]
    public async Task LogOrders()
    {
        var stocked = await StockedItemAsync(100);
        var shop = await StockedItemAsync(2, Shop);
        var missing = await Items.NewAsync(Integration);
        // Twelve orders under the version in force (the variant): half ask for an item nobody stocks, a third
        // also want one from the shop (a split), every other one names a requested date.
        for (var i = 0; i < Orders; i++)
        {
            var lines = new List<object> { new { lineId = "1", sku = stocked, quantity = 1 + i % 3, uom = "each" } };
            if (i % 2 == 0) lines.Add(new { lineId = "2", sku = missing, quantity = 1, uom = "each" });
            if (i % 3 == 0 && i < 6) lines.Add(new { lineId = "3", sku = shop, quantity = 1, uom = "each" });
            var (status, answer) = await SourceAsync($"RPL-{i}-{Guid.NewGuid():N}", new
            {
                segment = "retail", customer = new { id = $"C-{i}", tier = "standard" }, shipTo = new { country = "DE", postalCode = "20095" },
                lines, requestedDate = i % 2 == 1 ? DateTimeOffset.UtcNow.AddDays(10) : (DateTimeOffset?)null,
            });
            status.Should().Be(HttpStatusCode.OK, answer.ToString());
            decisionIds.Add(answer.Str("decisionId"));
        }
        experiment = await CreateAsync(NewExperiment(0.5));
    }

    [Test]
    public async Task Replay_EndToEnd_ProgressReachesTotalAndResultsMatchTheLog()
    {
        var id = experiment.Str("id");
        var replayId = await ReplayAsync(id);

        var replay = await ReplayedAsync(id, replayId);
        replay.Str("status").Should().Be("succeeded", replay.ToString());
        (replay.Long("done"), replay.Long("total")).Should().Be((Orders, Orders));
        replay.GetProperty("finishedAt").ValueKind.Should().Be(JsonValueKind.String);
        var job = (await Operator.GetJsonAsync("/v1/jobs")).EnumerateArray().Single(j => j.Str("name") == "experiment-replay");
        job.Str("kind").Should().Be("triggered");
        var run = (await Operator.GetJsonAsync($"/v1/jobs/runs/{replay.Str("runId")}"));
        (run.GetProperty("progress").Long("done"), run.GetProperty("progress").Long("total")).Should().Be((Orders, Orders));
        run.GetProperty("summary").Long("decisions").Should().Be(Orders);
        run.GetProperty("summary").Long("differed").Should().Be(Orders / 2, "the versions differ on the orders with an unstocked line");

        var results = await Analyst.GetJsonAsync($"/v1/experiments/{id}/results?source=replay");
        results.Str("design").Should().Be("paired");
        results.Int("orders").Should().Be(Orders);
        results.GetProperty("confidenceLevel").GetDouble().Should().Be(0.95);
        var variant = results.GetProperty("arms").EnumerateArray().Single(a => a.Str("arm") == "variant");
        variant.Str("ruleSetId").Should().Be(VariantId);
        await ExpectVariantMatchesTheLogAsync(variant.GetProperty("metrics"));

        // The per-order outcomes add up to each arm's figures, so an analyst can recompute them by hand.
        var outcomes = (await Analyst.GetJsonAsync($"/v1/experiments/{id}/replays/{replayId}/outcomes?pageSize=1000")).GetProperty("items").EnumerateArray().ToList();
        outcomes.Should().HaveCount(2 * Orders);
        foreach (var arm in results.GetProperty("arms").EnumerateArray())
        {
            var mine = outcomes.Where(o => o.Str("arm") == arm.Str("arm")).ToList();
            var unitFill = (double)mine.Sum(o => o.Long("filled")) / mine.Sum(o => o.Long("requested"));
            arm.GetProperty("metrics").GetProperty("unitFillRate").GetProperty("value").GetDouble().Should().BeApproximately(unitFill, 1e-12, arm.Str("arm"));
            var orderFill = (double)mine.Count(o => o.GetProperty("fullyFilled").GetBoolean()) / mine.Count;
            arm.GetProperty("metrics").GetProperty("orderFillRate").GetProperty("value").GetDouble().Should().BeApproximately(orderFill, 1e-12, arm.Str("arm"));
        }

        var comparisons = results.GetProperty("comparisons").EnumerateArray().ToDictionary(c => c.Str("metric"));
        comparisons.Keys.Should().BeEquivalentTo(["unitFillRate", "orderFillRate", "splitRate", "fulfilmentCost", "costPerUnitFilled",
            "marginWeightedFill", "backorderRate", "promiseAttainment"]);
        var backorders = comparisons["backorderRate"];
        // Control backorders the six orders with an unstocked line, the variant none: paired differences −1 ×6, 0 ×6.
        backorders.GetProperty("control").GetDouble().Should().Be(0.5);
        backorders.GetProperty("variant").GetDouble().Should().Be(0);
        backorders.GetProperty("significant").GetBoolean().Should().BeTrue();
        backorders.Str("test").Should().Be("paired t-test on per-order differences");
        backorders.Str("summary").Should().StartWith("Variant backorders 50.0 points fewer orders (95% CI ").And.EndWith("), significant.");
        comparisons["splitRate"].GetProperty("difference").GetDouble().Should().Be(0);
        comparisons["splitRate"].GetProperty("significant").GetBoolean().Should().BeFalse();
        comparisons["unitFillRate"].Str("summary").Should().StartWith("No difference in unit fill rate");
    }

    [Test]
    public async Task Replay_Twice_SameNumbers()
    {
        var id = experiment.Str("id");
        var first = await ReplayAsync(id);
        (await ReplayedAsync(id, first)).Str("status").Should().Be("succeeded");
        var second = await ReplayAsync(id);
        (await ReplayedAsync(id, second)).Str("status").Should().Be("succeeded");

        var a = await Analyst.GetJsonAsync($"/v1/experiments/{id}/results?source=replay&replayId={first}");
        var b = await Analyst.GetJsonAsync($"/v1/experiments/{id}/results?source=replay&replayId={second}");

        a.Str("replayId").Should().Be(first);
        b.Str("replayId").Should().Be(second);
        a.GetProperty("arms").GetRawText().Should().Be(b.GetProperty("arms").GetRawText());
        a.GetProperty("comparisons").GetRawText().Should().Be(b.GetProperty("comparisons").GetRawText());
    }

    [Test]
    public async Task Results_NoReplayOrBadSource_Refused()
    {
        var other = (await CreateAsync(NewExperiment(from: DateTimeOffset.UtcNow.AddDays(50), to: DateTimeOffset.UtcNow.AddDays(51)))).Str("id");
        using var noReplay = await Analyst.GetAsync($"/v1/experiments/{other}/results");
        noReplay.StatusCode.Should().Be(HttpStatusCode.Conflict);
        using var bad = await Analyst.GetAsync($"/v1/experiments/{other}/results?source=guess");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await SendAsync(Analyst, $"/v1/experiments/{other}/replay", new { })).Status.Should().Be(HttpStatusCode.BadRequest,
            "its window lies in the future: there is nothing logged to replay");
    }

    /// <summary>
    /// The logged decisions were taken under the variant (the version in force), so the variant arm's replay
    /// must give exactly what the log says: recomputed here from GET /v1/decisions/{id} and the nodes' costs.
    /// </summary>
    async Task ExpectVariantMatchesTheLogAsync(JsonElement metrics)
    {
        var costs = new Dictionary<string, (double PerOrder, double PerUnit)> { [Dc] = (3.5, 0.4), [Shop] = (5, 0.8) };
        long requested = 0, filled = 0;
        int full = 0, split = 0, backordered = 0;
        double cost = 0;
        foreach (var id in decisionIds)
        {
            var d = await Analyst.GetJsonAsync($"/v1/decisions/{id}");
            d.GetProperty("ruleSet").Str("id").Should().Be(VariantId);
            var lines = d.GetProperty("lines").EnumerateArray().ToList();
            var parts = lines.SelectMany(l => l.GetProperty("allocations").EnumerateArray()).ToList();
            var orderRequested = lines.Sum(l => l.Long("requested"));
            var orderFilled = parts.Sum(a => a.Long("quantity"));
            requested += orderRequested;
            filled += orderFilled;
            full += orderFilled == orderRequested ? 1 : 0;
            var nodes = parts.Select(a => a.Str("node")).Distinct().ToList();
            split += nodes.Count > 1 ? 1 : 0;
            backordered += lines.Any(l => l.Long("backordered") > 0) ? 1 : 0;
            cost += nodes.Sum(n => costs[n].PerOrder) + parts.Sum(a => a.Long("quantity") * costs[a.Str("node")].PerUnit);
        }
        double Value(string metric) => metrics.GetProperty(metric).GetProperty("value").GetDouble();
        Value("unitFillRate").Should().BeApproximately((double)filled / requested, 1e-9);
        Value("orderFillRate").Should().BeApproximately((double)full / Orders, 1e-9);
        Value("splitRate").Should().BeApproximately((double)split / Orders, 1e-9);
        Value("backorderRate").Should().BeApproximately((double)backordered / Orders, 1e-9);
        Value("fulfilmentCost").Should().BeApproximately(cost / Orders, 1e-6);
        Value("costPerUnitFilled").Should().BeApproximately(cost / filled, 1e-6);
        split.Should().BeGreaterThan(0, "some orders ship from the DC and the shop");
    }
}
