using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>Sourcing an order through the API: validation, idempotency, committed stock, the decision log.</summary>
public sealed class DecisionTests(string provider) : DecisionFixture(provider)
{
    static readonly object[] InvalidOrders =
    [
        new object[] { "segment", "unknown_segment", new { segment = "martians", shipTo = new { country = "DE" }, lines = new[] { new { lineId = "1", sku = Milk, quantity = 1 } } } },
        new object[] { "lines", "missing_field", new { segment = "retail", shipTo = new { country = "DE" }, lines = Array.Empty<object>() } },
        new object[] { "lines[0].lineId", "missing_field", new { segment = "retail", shipTo = new { country = "DE" }, lines = new[] { new { sku = Milk, quantity = 1 } } } },
        new object[] { "lines[1].lineId", "duplicate_line_id", new { segment = "retail", shipTo = new { country = "DE" },
            lines = new[] { new { lineId = "a", sku = Milk, quantity = 1 }, new { lineId = "a", sku = Milk, quantity = 2 } } } },
        new object[] { "lines[0].sku", "unknown_sku", new { segment = "retail", shipTo = new { country = "DE" }, lines = new[] { new { lineId = "1", sku = "NOPE", quantity = 1 } } } },
        new object[] { "lines[0].uom", "unknown_uom", new { segment = "retail", shipTo = new { country = "DE" }, lines = new[] { new { lineId = "1", sku = Milk, quantity = 1, uom = "crate" } } } },
        new object[] { "lines[0].quantity", "invalid_quantity", new { segment = "retail", shipTo = new { country = "DE" }, lines = new[] { new { lineId = "1", sku = Milk, quantity = 1.5 } } } },
        new object[] { "lines[0].quantity", "invalid_quantity", new { segment = "retail", shipTo = new { country = "DE" }, lines = new[] { new { lineId = "1", sku = Milk, quantity = 0 } } } },
        new object[] { "shipTo.country", "missing_field", new { segment = "retail", lines = new[] { new { lineId = "1", sku = Milk, quantity = 1 } } } },
        new object[] { "reservationTtlSeconds", "invalid_value", new { segment = "retail", shipTo = new { country = "DE" }, reservationTtlSeconds = 0,
            lines = new[] { new { lineId = "1", sku = Milk, quantity = 1 } } } },
    ];

    [TestCaseSource(nameof(InvalidOrders))]
    public async Task Source_InvalidOrder_ProblemWithCodeAndField(string field, string code, object body)
    {
        var (status, problem) = await SourceAsync(NewOrderId(), body);

        status.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
        problem.Str("code").Should().Be(code);
        problem.GetProperty("errors").EnumerateArray().Should().Contain(e => e.Str("field") == field && e.Str("code") == code, problem.ToString());
    }

    [Test]
    public async Task Source_SameOrderTwice_SameDecisionAndReservedOnce()
    {
        var sku = await StockedItemAsync(10);
        var orderId = NewOrderId();

        var (firstStatus, first) = await SourceAsync(orderId, Order(sku, 3));
        var (againStatus, again) = await SourceAsync(orderId, Order(sku, 3));

        firstStatus.Should().Be(HttpStatusCode.OK, first.ToString());
        againStatus.Should().Be(HttpStatusCode.OK);
        again.Str("decisionId").Should().Be(first.Str("decisionId"));
        again.ToString().Should().Be(first.ToString(), "a repeat answers exactly the stored decision");
        first.Str("orderId").Should().Be(orderId);
        first.GetProperty("ruleSet").Str("segment").Should().Be("retail");
        first.GetProperty("arm").ValueKind.Should().Be(JsonValueKind.Null);
        var line = first.GetProperty("lines")[0];
        line.Long("requested").Should().Be(3);
        line.GetProperty("allocations")[0].Str("node").Should().Be(Dc);
        line.GetProperty("allocations")[0].Long("quantity").Should().Be(3);
        line.GetProperty("allocations")[0].Str("reservationId").Should().StartWith("rsv_");
        first.GetProperty("expiresAt").ValueKind.Should().Be(JsonValueKind.String);
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(3, "the repeat must not reserve again");
    }

    [Test]
    public async Task Source_CasesConvertToEaches_CommittedInEaches()
    {
        var sku = await StockedItemAsync(48);

        var (status, answer) = await SourceAsync(NewOrderId(), Order(sku, 2, uom: "case"));

        status.Should().Be(HttpStatusCode.OK, answer.ToString());
        answer.GetProperty("lines")[0].Long("requested").Should().Be(24);
        Allocated(answer).Should().Be(24);
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(24);
    }

    [Test]
    public async Task Source_MoreThanOnHand_RestBackordered()
    {
        var sku = await StockedItemAsync(5);

        var (status, answer) = await SourceAsync(NewOrderId(), Order(sku, 8));

        status.Should().Be(HttpStatusCode.OK, answer.ToString());
        var line = answer.GetProperty("lines")[0];
        Allocated(answer).Should().BeLessThanOrEqualTo(5);
        (Allocated(answer) + line.Long("backordered") + line.Long("rejected")).Should().Be(8);
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(Allocated(answer));
    }

    [Test]
    public async Task Source_SegmentWithoutRuleSet_ConflictNoActiveRuleSet()
    {
        (await Integration.PutAsJsonAsync("/v1/segments", new[] { new { code = "b2b", name = "B2B", freshnessToleranceSeconds = 900, serviceLevel = 0.9 } }))
            .EnsureSuccessStatusCode();
        var body = new { segment = "b2b", shipTo = new { country = "DE" }, lines = new[] { new { lineId = "1", sku = Milk, quantity = 1 } } };

        var (status, problem) = await SourceAsync(NewOrderId(), body);

        status.Should().Be(HttpStatusCode.Conflict, problem.ToString());
        problem.Str("code").Should().Be("no_active_ruleset");
        problem.GetProperty("errors")[0].Str("field").Should().Be("segment");
    }

    [Test]
    public async Task Roles_IntegrationMayNotSource_AnalystMayReadDecisions()
    {
        var sku = await StockedItemAsync(3);
        var (denied, _) = await SendAsync(Integration, $"/v1/orders/{NewOrderId()}/source", Order(sku, 1));
        denied.Should().Be(HttpStatusCode.Forbidden);

        var (_, answer) = await SourceAsync(NewOrderId(), Order(sku, 1));
        using var analyst = Service.ClientFor("analyst");
        await analyst.GetJsonAsync($"/v1/decisions/{answer.Str("decisionId")}");
    }

    [Test]
    public async Task GetDecision_AfterSource_RequestSnapshotTraceAndReservations()
    {
        var sku = await StockedItemAsync(10);
        var orderId = NewOrderId();
        var (_, answer) = await SourceAsync(orderId, Order(sku, 4));

        var decision = await Oms.GetJsonAsync($"/v1/decisions/{answer.Str("decisionId")}");

        decision.Str("orderId").Should().Be(orderId);
        decision.Str("kind").Should().Be("source");
        decision.GetProperty("request").GetProperty("lines")[0].Str("sku").Should().Be(sku);
        decision.GetProperty("lines")[0].GetProperty("allocations")[0].Str("reservationId").Should().Be(ReservationIds(answer).Single());
        decision.GetProperty("reservations").EnumerateArray().Single().Str("status").Should().Be("soft");
        var positions = decision.GetProperty("snapshot").GetProperty("positions").EnumerateArray().ToList();
        positions.Should().Contain(p => p.Str("sku") == sku && p.Str("node") == Dc && p.Long("onHand") == 10);
        var trace = decision.GetProperty("trace").EnumerateArray().ToList();
        trace.Should().NotBeEmpty();
        trace.Should().OnlyContain(t => t.GetProperty("step").GetString()!.Length > 0 && t.GetProperty("message").GetString()!.Length > 0);
        decision.GetProperty("explanation").ValueKind.Should().Be(JsonValueKind.Array);
        decision.GetProperty("timings").Long("totalMicros").Should().BeGreaterThan(0);
    }

    [Test]
    public async Task SearchDecisions_ByOrderSkuNodeAndTime_FindsIt()
    {
        var sku = await StockedItemAsync(10);
        var orderId = NewOrderId();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var (_, answer) = await SourceAsync(orderId, Order(sku, 2));
        var id = answer.Str("decisionId");
        string Q(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O"));

        foreach (var query in new[] { $"orderId={orderId}", $"sku={sku}", $"sku={sku}&node={Dc}", $"orderId={orderId}&from={Q(before)}&to={Q(DateTimeOffset.UtcNow.AddMinutes(1))}" })
        {
            var page = await Oms.GetJsonAsync($"/v1/decisions?{query}");
            page.GetProperty("items").EnumerateArray().Select(d => d.Str("decisionId")).Should().Contain(id, query);
        }
        var none = await Oms.GetJsonAsync($"/v1/decisions?sku={sku}&node={Shop2}");
        none.Long("total").Should().Be(0);
        var late = await Oms.GetJsonAsync($"/v1/decisions?orderId={orderId}&from={Q(DateTimeOffset.UtcNow.AddMinutes(1))}");
        late.Long("total").Should().Be(0);
    }

    [Test]
    public async Task SearchDecisions_BySegmentAndKind_OnlyThose()
    {
        var sku = await StockedItemAsync(10);
        var (_, answer) = await SourceAsync(NewOrderId(), Order(sku, 1));
        var id = answer.Str("decisionId");

        async Task<IEnumerable<string>> Ids(string query) =>
            (await Oms.GetJsonAsync($"/v1/decisions?sku={sku}&{query}")).GetProperty("items").EnumerateArray().Select(d => d.Str("decisionId"));

        (await Ids("segment=retail&kind=source")).Should().Contain(id);
        (await Ids("segment=vip")).Should().NotContain(id);
        (await Ids("kind=allocation_run")).Should().NotContain(id);
        using var refused = await Oms.GetAsync("/v1/decisions?kind=order");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].Str("field").Should().Be("kind");
    }

    [Test]
    public async Task Availability_StockAtDc_NetworkAndNodeFigures()
    {
        var sku = await StockedItemAsync(7);

        var (status, answer) = await SendAsync(Oms, "/v1/availability", new
        {
            segment = "retail", shipTo = new { country = "DE" }, lines = new[] { new { sku, quantity = 2 } },
        });

        status.Should().Be(HttpStatusCode.OK, answer.ToString());
        var line = answer.GetProperty("lines")[0];
        line.Str("sku").Should().Be(sku);
        line.Long("networkAvailable").Should().Be(7);
        line.GetProperty("nodes").EnumerateArray().Should().Contain(n => n.Str("node") == Dc && n.Long("availableNow") == 7);
        answer.GetProperty("ruleSet").Str("segment").Should().Be("retail");
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(0, "availability reserves nothing");
    }

    [Test]
    public async Task AllocationRun_TwoDemandsForScarceStock_RankedLoggedAndReserved()
    {
        var sku = await StockedItemAsync(5);
        var demands = new[] { NewOrderId(), NewOrderId() }.Select(id => new
        {
            orderId = id, segment = "retail", customer = new { id = "C-" + id[^4..] }, shipTo = new { country = "DE" },
            lines = new[] { new { lineId = "1", sku, quantity = 4 } },
        }).ToArray();

        var (status, run) = await SendAsync(Oms, "/v1/allocations/run", new { demands, reserve = true });

        status.Should().Be(HttpStatusCode.OK, run.ToString());
        var ranking = run.GetProperty("ranking").EnumerateArray().ToList();
        ranking.Select(r => r.Int("rank")).Should().BeEquivalentTo([1, 2]);
        ranking.Sum(r => Allocated(r)).Should().BeLessThanOrEqualTo(5);
        var logged = await Oms.GetJsonAsync($"/v1/decisions/{run.Str("decisionId")}");
        logged.Str("kind").Should().Be("allocation_run");
        var position = await Integration.PositionAsync(sku, Dc);
        position.Long("committed").Should().BeLessThanOrEqualTo(5);
        position.Long("committed").Should().Be(ranking.Where(r => r.GetProperty("reserved").ValueKind == JsonValueKind.Object
            && r.GetProperty("reserved").GetProperty("answer").ValueKind == JsonValueKind.Object)
            .Sum(r => Allocated(r.GetProperty("reserved").GetProperty("answer"))));
    }
}
