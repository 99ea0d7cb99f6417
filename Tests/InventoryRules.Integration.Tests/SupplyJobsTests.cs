using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using InventoryRules.Api.Jobs;
using Microsoft.Extensions.DependencyInjection;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// The supply jobs end to end on real stores: backorders recorded from real source calls, released on a
/// receipt by allocation priority within ATP, cross-dock matches of ASNs at cross-dock nodes, and reservations
/// flagged when a publish makes their node ineligible. The ingest and publish hooks trigger the runs.
/// </summary>
public sealed class SupplyJobsTests(string provider) : DecisionFixture(provider)
{
    /// <summary>Retail with contract priority ranking, cross-dock at DCs and backorders up to two weeks out.</summary>
    const string SupplyRules = """
        {
          "segment": "retail", "name": "Retail supply rules",
          "rules": [
            { "id": "split", "kind": "split", "allowSplit": true, "maxNodesPerOrder": 3, "splitPenalty": 1 },
            { "id": "prio-contract", "kind": "allocation_priority", "score": "customer.ContractPriority * 100" },
            { "id": "xd-dc", "kind": "cross_dock", "minQuantity": 1, "maxDwellHours": 72, "scope": { "nodeTypes": ["dc"] } },
            { "id": "bo", "kind": "backorder", "action": "backorder", "maxBackorderDays": 14 }
          ]
        }
        """;

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Jobs:Server"] = "true", ["Jobs:PollMilliseconds"] = "200", ["Jobs:TriggerWindowSeconds"] = "1",
        ["Jobs:Schedules:reservation-expiry"] = "off", ["Jobs:Schedules:backorder-release"] = "off", ["Jobs:Schedules:cross-dock-matching"] = "off",
    };

    HttpClient Planner { get; set; } = null!;

    [OneTimeSetUp]
    public async Task PublishSupplyRules()
    {
        Planner = Service.ClientFor("planner");
        await PublishReturningIdAsync(SupplyRules);
    }

    [OneTimeTearDown]
    public void DisposePlanner() => Planner?.Dispose();

    [Test]
    public async Task Source_BackorderOnInboundSupply_RecordedWithItsClaim()
    {
        var sku = await Items.NewAsync(Integration);
        var asn = $"ASN-{Guid.NewGuid():N}"[..16];
        await Integration.PostEventsAsync(Ev.Make("asn_created", sku, Dc, 10, DateTimeOffset.UtcNow.AddMinutes(-1), reference: asn, eta: DateTimeOffset.UtcNow.AddDays(1)));
        var order = NewOrderId();
        var (status, answer) = await SourceAsync(order, SupplyOrder(sku, 4, contract: 0));
        status.Should().Be(HttpStatusCode.OK, "nothing is reserved: " + answer);
        answer.GetProperty("lines")[0].Long("backordered").Should().Be(4, answer.ToString());

        await RunAsync(BackorderReleaseJob.JobName);

        var rows = (await Operator.GetJsonAsync($"/v1/backorders?orderId={order}")).GetProperty("items").EnumerateArray().ToList();
        rows.Should().ContainSingle();
        rows[0].Str("node").Should().Be(Dc);
        rows[0].Str("reference").Should().Be(asn);
        rows[0].Long("quantity").Should().Be(4);
        rows[0].Long("released").Should().Be(0, "nothing has arrived yet");
        rows[0].Str("status").Should().Be("open");
        rows[0].Str("customerId").Should().Be("C-0");
    }

    [Test]
    public async Task Receipt_TwoBackorders_BestPriorityReleasedWithinAtp()
    {
        var sku = await Items.NewAsync(Integration);
        var asn = $"ASN-{Guid.NewGuid():N}"[..16];
        await Integration.PostEventsAsync(Ev.Make("asn_created", sku, Dc, 10, DateTimeOffset.UtcNow.AddMinutes(-1), reference: asn, eta: DateTimeOffset.UtcNow.AddDays(1)));
        var first = NewOrderId();
        var best = NewOrderId();
        (await SourceAsync(first, SupplyOrder(sku, 4, contract: 0))).Body.GetProperty("lines")[0].Long("backordered").Should().Be(4);
        (await SourceAsync(best, SupplyOrder(sku, 4, contract: 2))).Body.GetProperty("lines")[0].Long("backordered").Should().Be(4);

        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 4, DateTimeOffset.UtcNow, reference: asn));
        // Schedules are off and nothing was run by hand: only the ingest trigger can release it.
        var run = await WaitForRunAsync(BackorderReleaseJob.JobName, r => r.Str("occurrence").StartsWith("receipts:", StringComparison.Ordinal)
            && r.GetProperty("report").EnumerateArray().Any(l => l.GetString()!.Contains($"{best} line 1", StringComparison.Ordinal)
                && l.GetString()!.Contains("released 4", StringComparison.Ordinal)));

        run.Str("status").Should().Be("succeeded", run.ToString());
        run.GetProperty("summary").Long("released_lines").Should().Be(1, run.ToString());
        string.Join("\n", run.GetProperty("report").EnumerateArray().Select(l => l.GetString())).Should()
            .Contain($"{best} line 1 (retail) {sku} at {Dc}: released 4 of 4").And.Contain($"{first} line 1 (retail) {sku} at {Dc}: 4 of 4 still waiting");
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(4, "never more than the receipt made available");

        var released = (await Operator.GetJsonAsync($"/v1/backorders?orderId={best}")).GetProperty("items")[0];
        released.Str("status").Should().Be("released");
        var reservation = await Oms.GetJsonAsync($"/v1/reservations/{released.Str("reservationId")}");
        reservation.Str("status").Should().Be("confirmed");
        reservation.Long("quantity").Should().Be(4);
        reservation.Str("node").Should().Be(Dc);
        reservation.Str("orderId").Should().Be(best);
        (await Operator.GetJsonAsync($"/v1/backorders?orderId={first}&status=open")).Long("total").Should().Be(1, "the lower priority waits");
    }

    [Test]
    public async Task Release_SameTriggerTwiceAndRerun_NothingReleasedTwice()
    {
        var sku = await Items.NewAsync(Integration);
        var asn = $"ASN-{Guid.NewGuid():N}"[..16];
        await Integration.PostEventsAsync(Ev.Make("asn_created", sku, Dc, 10, DateTimeOffset.UtcNow.AddMinutes(-1), reference: asn, eta: DateTimeOffset.UtcNow.AddDays(1)));
        var order = NewOrderId();
        await SourceAsync(order, SupplyOrder(sku, 3, contract: 1));
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 10, DateTimeOffset.UtcNow, reference: asn));

        var launcher = Service.Services.GetRequiredService<JobLauncher>();
        var occurrence = $"receipts:test-{Guid.NewGuid():N}";
        launcher.Enqueue(BackorderReleaseJob.JobName, occurrence);
        launcher.Enqueue(BackorderReleaseJob.JobName, occurrence);
        await RunAsync(BackorderReleaseJob.JobName);
        await RunAsync(BackorderReleaseJob.JobName);

        var runs = (await Operator.GetJsonAsync($"/v1/jobs/{BackorderReleaseJob.JobName}/runs?pageSize=200")).GetProperty("items").EnumerateArray();
        runs.Count(r => r.Str("occurrence") == occurrence).Should().Be(1, "one occurrence runs once");
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(3);
        var reservations = await Oms.GetJsonAsync($"/v1/orders/{order}/reservations");
        reservations.EnumerateArray().Should().ContainSingle(r => r.Str("status") == "confirmed").Which.Long("quantity").Should().Be(3);
    }

    [Test]
    public async Task CrossDock_AsnAtCrossDockNode_MatchedOnceAndStoreIgnored()
    {
        var sku = await Items.NewAsync(Integration);
        var atDc = $"ASN-{Guid.NewGuid():N}"[..16];
        var atStore = $"ASN-{Guid.NewGuid():N}"[..16];
        var eta = DateTimeOffset.UtcNow.AddDays(1);
        await Integration.PostEventsAsync(Ev.Make("asn_created", sku, Dc, 10, DateTimeOffset.UtcNow.AddMinutes(-1), reference: atDc, eta: eta));
        var order = NewOrderId();
        (await SourceAsync(order, SupplyOrder(sku, 3, contract: 0))).Body.GetProperty("lines")[0].Long("backordered").Should().Be(3);

        var posted = DateTimeOffset.UtcNow;
        await Integration.PostEventsAsync(Ev.Make("asn_created", sku, Shop, 10, DateTimeOffset.UtcNow, source: Pos, reference: atStore, eta: eta));
        var run = await TriggeredRunAsync(CrossDockMatchingJob.JobName, "inbound:", posted);
        run.Str("status").Should().Be("succeeded", run.ToString());

        var matches = (await Operator.GetJsonAsync($"/v1/cross-dock/matches?orderId={order}")).GetProperty("items").EnumerateArray().ToList();
        matches.Should().ContainSingle();
        matches[0].Str("reference").Should().Be(atDc);
        matches[0].Str("node").Should().Be(Dc);
        matches[0].Long("quantity").Should().Be(3);
        matches[0].Str("ruleId").Should().Be("xd-dc");
        (await Operator.GetJsonAsync($"/v1/cross-dock/matches?reference={atStore}")).Long("total").Should().Be(0, "a store without cross_dock is not matched");

        await RunAsync(CrossDockMatchingJob.JobName);
        var again = (await Operator.GetJsonAsync($"/v1/cross-dock/matches?orderId={order}")).GetProperty("items").EnumerateArray().ToList();
        again.Should().ContainSingle().Which.Long("quantity").Should().Be(3, "a rerun adds only what is new");
    }

    [Test]
    public async Task Publish_NodeMadeIneligible_OpenReservationsThereFlagged()
    {
        var sku = await StockedItemAsync(10);
        var order = NewOrderId();
        var (_, answer) = await SourceAsync(order, SupplyOrder(sku, 3, contract: 0));
        Allocated(answer).Should().Be(3);
        var reservationId = ReservationIds(answer).Single();

        var closed = SupplyRules.Replace("\"rules\": [", """
            "rules": [
                { "id": "ne-dc1-closed", "kind": "node_eligibility", "eligible": "node.Code != \"DC-1\"", "reason": "DC-1 closed for stocktake" },
            """, StringComparison.Ordinal);
        var published = await PublishReturningIdAsync(closed);
        try
        {
            var run = await RunOfAsync(ReservationReevaluationJob.JobName, $"publish:{published}");
            run.Str("status").Should().Be("succeeded", run.ToString());
            var flags = (await Operator.GetJsonAsync($"/v1/reservations/flags?orderId={order}&status=open")).GetProperty("items").EnumerateArray().ToList();
            flags.Should().ContainSingle();
            flags[0].Str("reservationId").Should().Be(reservationId);
            flags[0].Str("reason").Should().Be("node_ineligible");
            flags[0].Str("ruleSetId").Should().Be(published);
            flags[0].Str("detail").Should().Contain("DC-1 closed for stocktake");
            var reservation = await Oms.GetJsonAsync($"/v1/reservations/{reservationId}");
            reservation.GetProperty("flags").EnumerateArray().Should().ContainSingle(f => f.Str("reason") == "node_ineligible");
            string.Join("\n", run.GetProperty("report").EnumerateArray().Select(l => l.GetString())).Should()
                .Contain($"{reservationId} ({order} line 1, retail) 3 × {sku} at {Dc}: re-source — {Dc} no longer serves this order: DC-1 closed for stocktake");
        }
        finally
        {
            await PublishReturningIdAsync(SupplyRules);
        }
    }

    [Test]
    public async Task Release_OrderLapsedOrCancelled_BackordersCancelledAndNothingReleased()
    {
        var sku = await Items.NewAsync(Integration);
        var asn = $"ASN-{Guid.NewGuid():N}"[..16];
        await Integration.PostEventsAsync(
            Ev.Make("receipt", sku, Dc, 2, DateTimeOffset.UtcNow.AddMinutes(-2)),
            Ev.Make("asn_created", sku, Dc, 10, DateTimeOffset.UtcNow.AddMinutes(-1), reference: asn, eta: DateTimeOffset.UtcNow.AddDays(1)));
        // The OMS never confirms this one: its soft reservation lapses after a second.
        var lapsed = NewOrderId();
        var body = new
        {
            segment = "retail", customer = new { id = "C-9", tier = "standard", contractPriority = 9 },
            shipTo = new { country = "DE", postalCode = "20095" }, lines = new[] { new { lineId = "1", sku, quantity = 6L, uom = "each" } },
            reservationTtlSeconds = 1,
        };
        var answer = (await SourceAsync(lapsed, body)).Body.GetProperty("lines")[0];
        answer.Long("backordered").Should().Be(4, answer.ToString());
        // This one was wholly backordered, then cancelled by the OMS.
        var cancelled = NewOrderId();
        (await SourceAsync(cancelled, SupplyOrder(sku, 3, contract: 5))).Body.GetProperty("lines")[0].Long("backordered").Should().Be(3);
        (await RunAsync(BackorderReleaseJob.JobName)).GetProperty("summary").Long("recorded").Should().BeGreaterThanOrEqualTo(2);
        using (var cancel = await Oms.PostAsync($"/v1/orders/{cancelled}/backorders/cancel", null))
        {
            (await cancel.Content.ReadFromJsonAsync<JsonElement>()).Int("cancelled").Should().Be(1);
        }
        await Task.Delay(1500);

        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 10, DateTimeOffset.UtcNow, reference: asn));
        // The receipt triggers a run of its own; this one may find the work done already. Either way the end state is the same.
        await RunAsync(BackorderReleaseJob.JobName);

        (await Operator.GetJsonAsync($"/v1/backorders?orderId={lapsed}")).GetProperty("items")[0].Str("status").Should().Be("cancelled");
        (await Operator.GetJsonAsync($"/v1/backorders?orderId={cancelled}")).GetProperty("items")[0].Str("status").Should().Be("cancelled");
        (await Oms.GetJsonAsync($"/v1/orders/{lapsed}/reservations")).GetArrayLength().Should().Be(1, "only the lapsed one: nothing new for an order the OMS let go");
        (await Oms.GetJsonAsync($"/v1/orders/{cancelled}/reservations")).GetArrayLength().Should().Be(0);
    }

    static object SupplyOrder(string sku, long quantity, int contract) => new
    {
        segment = "retail",
        customer = new { id = $"C-{contract}", tier = "standard", contractPriority = contract },
        shipTo = new { country = "DE", postalCode = "20095" },
        lines = new[] { new { lineId = "1", sku, quantity, uom = "each" } },
    };

    async Task<string> PublishReturningIdAsync(string document)
    {
        var created = await Planner.PostAsync("/v1/rulesets", new StringContent(document, System.Text.Encoding.UTF8, "application/json"));
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.Should().Be(HttpStatusCode.Created, draft.ToString());
        var published = await Planner.PostAsJsonAsync($"/v1/rulesets/{draft.Str("id")}/publish", new { comment = "supply tests" });
        published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return draft.Str("id");
    }

    /// <summary>Runs the job now (a manual occurrence) and waits for that run to finish.</summary>
    async Task<JsonElement> RunAsync(string job)
    {
        var since = DateTimeOffset.UtcNow;
        using var trigger = await Operator.PostAsync($"/v1/jobs/{job}/trigger", null);
        trigger.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var run = await TriggeredRunAsync(job, "manual:", since);
        run.Str("status").Should().Be("succeeded", run.ToString());
        return run;
    }

    /// <summary>The first finished run of <paramref name="job"/> whose occurrence starts so and that started after <paramref name="since"/>.</summary>
    async Task<JsonElement> TriggeredRunAsync(string job, string occurrencePrefix, DateTimeOffset since) =>
        await WaitForRunAsync(job, r => r.Str("occurrence").StartsWith(occurrencePrefix, StringComparison.Ordinal)
            && r.GetProperty("startedAt").GetDateTimeOffset() > since);

    Task<JsonElement> RunOfAsync(string job, string occurrence) => WaitForRunAsync(job, r => r.Str("occurrence") == occurrence);

    async Task<JsonElement> WaitForRunAsync(string job, Func<JsonElement, bool> wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var runs = (await Operator.GetJsonAsync($"/v1/jobs/{job}/runs?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
            if (runs.FirstOrDefault(r => wanted(r) && r.Str("status") != "running") is { ValueKind: JsonValueKind.Object } run) return run;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no finished {job} run as wanted: {string.Join(", ", runs)}");
            await Task.Delay(200);
        }
    }
}
