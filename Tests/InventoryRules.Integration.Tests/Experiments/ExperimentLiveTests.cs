using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentAssertions;

namespace InventoryRules.Integration.Tests.Experiments;

/// <summary>
/// Live assignment: while running and inside its window, an experiment splits the segment's orders by a hash
/// of the order (or customer) id, each order is decided under its arm's version, and the arm is logged.
/// </summary>
public sealed class ExperimentLiveTests(string provider) : ExperimentFixture(provider)
{
    const int Orders = 200;
    const double Share = 0.3;

    [Test]
    public async Task Source_RunningExperiment_AssignsByHashDecidesUnderArmAndLogsIt()
    {
        var stocked = await StockedItemAsync(Orders + 10);
        var missing = await Items.NewAsync(Integration);
        var experiment = await CreateAsync(NewExperiment(Share));
        var id = experiment.Str("id");
        (await SendAsync(Analyst, $"/v1/experiments/{id}/start", null)).Status.Should().Be(HttpStatusCode.OK);
        var answers = new List<(string OrderId, JsonElement Answer)>();
        try
        {
            for (var i = 0; i < Orders; i++)
            {
                var orderId = $"LIVE-{i}-{Guid.NewGuid():N}";
                var (status, answer) = await SourceAsync(orderId, TwoLines(stocked, missing));
                status.Should().Be(HttpStatusCode.OK, answer.ToString());
                answers.Add((orderId, answer));
            }

            foreach (var (orderId, answer) in answers)
            {
                // SHA-256 of "experimentId:orderId", first 8 bytes big-endian over 2^64, computed here on its own.
                var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{id}:{orderId}"));
                var expected = BinaryPrimitives.ReadUInt64BigEndian(hash) / Math.Pow(2, 64) < Share ? "variant" : "control";
                answer.Str("arm").Should().Be(expected, orderId);
                answer.Str("experimentId").Should().Be(id);
                answer.GetProperty("ruleSet").Str("id").Should().Be(expected == "variant" ? VariantId : ControlId);
                var second = answer.GetProperty("lines")[1];
                // The versions differ observably: the control backorders the unstocked line, the variant rejects it.
                (second.Long("backordered"), second.Long("rejected")).Should().Be(expected == "variant" ? (0, 1) : (1, 0));
            }
            var variantShare = answers.Count(a => a.Answer.Str("arm") == "variant") / (double)Orders;
            // Binomial(200, 0.3): sd 0.032; 0.3 ± 0.13 is four of them.
            variantShare.Should().BeInRange(Share - 0.13, Share + 0.13);

            var (repeatId, first) = answers[0];
            using (var repeat = await Oms.PostAsJsonAsync($"/v1/orders/{repeatId}/source", TwoLines(stocked, missing)))
            {
                repeat.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
                var again = await repeat.Content.ReadFromJsonAsync<JsonElement>();
                (again.Str("decisionId"), again.Str("arm"), again.GetProperty("ruleSet").Str("id"))
                    .Should().Be((first.Str("decisionId"), first.Str("arm"), first.GetProperty("ruleSet").Str("id")));
            }
            var logged = await Analyst.GetJsonAsync($"/v1/decisions/{first.Str("decisionId")}");
            logged.Str("arm").Should().Be(first.Str("arm"));
            logged.Str("experimentId").Should().Be(id);

            await ExpectLiveResultsRecomputedAsync(id, answers.Select(a => a.Answer.Str("decisionId")).ToList());
        }
        finally
        {
            (await SendAsync(Analyst, $"/v1/experiments/{id}/stop", null)).Status.Should().Be(HttpStatusCode.OK);
        }
        var (_, after) = await SourceAsync(NewOrderId(), TwoLines(stocked, missing));
        after.GetProperty("arm").ValueKind.Should().Be(JsonValueKind.Null, "a stopped experiment assigns nothing");
        after.GetProperty("ruleSet").Str("id").Should().Be(VariantId, "outside experiments the version in force decides");
    }

    [Test]
    public async Task Source_ByCustomer_SameCustomerSameArm_OutsideWindowNone()
    {
        var stocked = await StockedItemAsync(40);
        var missing = await Items.NewAsync(Integration);
        var id = (await CreateAsync(NewExperiment(0.5, key: "customer"))).Str("id");
        (await SendAsync(Analyst, $"/v1/experiments/{id}/start", null)).Status.Should().Be(HttpStatusCode.OK);
        try
        {
            foreach (var customer in new[] { "CUST-A", "CUST-B", "CUST-C", "CUST-D" })
            {
                var arms = new List<string>();
                for (var i = 0; i < 3; i++) arms.Add((await SourceAsync(NewOrderId(), TwoLines(stocked, missing, customer))).Body.Str("arm"));
                arms.Distinct().Should().ContainSingle($"every order of {customer} goes to one arm");
            }
        }
        finally
        {
            await SendAsync(Analyst, $"/v1/experiments/{id}/stop", null);
        }

        var future = DateTimeOffset.UtcNow.AddDays(1);
        var later = (await CreateAsync(NewExperiment(1.0, from: future, to: future.AddDays(1)))).Str("id");
        (await SendAsync(Analyst, $"/v1/experiments/{later}/start", null)).Status.Should().Be(HttpStatusCode.OK);
        try
        {
            (await SourceAsync(NewOrderId(), TwoLines(stocked, missing))).Body.GetProperty("arm").ValueKind
                .Should().Be(JsonValueKind.Null, "the window has not begun");
        }
        finally
        {
            await SendAsync(Analyst, $"/v1/experiments/{later}/stop", null);
        }
    }

    /// <summary>Live results against the same figures worked out here from each logged decision (GET /v1/decisions/{id}).</summary>
    async Task ExpectLiveResultsRecomputedAsync(string experimentId, IReadOnlyList<string> decisionIds)
    {
        var perArm = new Dictionary<string, (long Requested, long Filled, int Orders, int Backordered, int Full)>
        {
            ["control"] = default, ["variant"] = default,
        };
        foreach (var decisionId in decisionIds)
        {
            var d = await Analyst.GetJsonAsync($"/v1/decisions/{decisionId}");
            var lines = d.GetProperty("lines").EnumerateArray().ToList();
            var requested = lines.Sum(l => l.Long("requested"));
            var filled = lines.Sum(l => l.GetProperty("allocations").EnumerateArray().Sum(a => a.Long("quantity"))
                + l.GetProperty("substitutions").EnumerateArray().Sum(s => s.Long("quantity")));
            var t = perArm[d.Str("arm")];
            perArm[d.Str("arm")] = (t.Requested + requested, t.Filled + filled, t.Orders + 1,
                t.Backordered + (lines.Any(l => l.Long("backordered") > 0) ? 1 : 0), t.Full + (filled == requested ? 1 : 0));
        }
        var results = await Analyst.GetJsonAsync($"/v1/experiments/{experimentId}/results?source=live");
        results.Str("design").Should().Be("independent");
        results.Int("orders").Should().Be(decisionIds.Count);
        foreach (var arm in results.GetProperty("arms").EnumerateArray())
        {
            var mine = perArm[arm.Str("arm")];
            arm.Int("orders").Should().Be(mine.Orders);
            var metrics = arm.GetProperty("metrics");
            metrics.GetProperty("unitFillRate").GetProperty("value").GetDouble().Should().BeApproximately((double)mine.Filled / mine.Requested, 1e-9);
            metrics.GetProperty("backorderRate").GetProperty("value").GetDouble().Should().BeApproximately((double)mine.Backordered / mine.Orders, 1e-9);
            metrics.GetProperty("orderFillRate").GetProperty("value").GetDouble().Should().BeApproximately((double)mine.Full / mine.Orders, 1e-9);
        }
        var backorders = results.GetProperty("comparisons").EnumerateArray().Single(c => c.Str("metric") == "backorderRate");
        backorders.Str("test").Should().Be("two-proportion z-test");
        backorders.GetProperty("significant").GetBoolean().Should().BeTrue();
        backorders.Str("summary").Should().StartWith("Variant backorders 100.0 points fewer orders (95% CI");
    }
}
