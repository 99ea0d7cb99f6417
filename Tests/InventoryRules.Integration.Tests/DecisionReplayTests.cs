using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>
/// An order id is decided once: the same request replays the stored decision (with its reservations'
/// statuses now), another request under the id is refused, and an allocation run says when it replayed.
/// </summary>
public sealed class DecisionReplayTests(string provider) : DecisionFixture(provider)
{
    static object Body(string sku, long quantity, string uom = "each", string tier = "standard", string postalCode = "20095", int? ttl = null,
        string? requestedDate = null) => new
    {
        segment = "retail",
        customer = new { id = "C-1", tier },
        shipTo = new { country = "DE", postalCode },
        lines = new[] { new { lineId = "1", sku, quantity, uom } },
        requestedDate,
        reservationTtlSeconds = ttl,
    };

    [Test]
    public async Task Source_SameIdDifferentRequest_OrderConflictAndNothingReserved()
    {
        var sku = await StockedItemAsync(10);
        var orderId = NewOrderId();
        var (_, first) = await SourceAsync(orderId, Body(sku, 2));
        var decisionId = first.Str("decisionId");

        foreach (var other in new[] { Body(sku, 3), Body(sku, 2, tier: "gold"), Body(sku, 2, postalCode: "10115"),
                     Body(sku, 2, requestedDate: "2026-12-01T00:00:00Z") })
        {
            var (status, problem) = await SourceAsync(orderId, other);

            status.Should().Be(HttpStatusCode.Conflict, problem.ToString());
            problem.Str("code").Should().Be("order_conflict");
            problem.Str("detail").Should().Contain("already decided").And.Contain($"GET /v1/decisions/{decisionId}");
            problem.GetProperty("errors")[0].Str("field").Should().Be("orderId");
        }
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(2, "a refused request reserves nothing");
    }

    [Test]
    public async Task Source_SameOrderSpelledDifferently_Replayed()
    {
        var sku = await StockedItemAsync(48);
        var orderId = NewOrderId();
        var (_, first) = await SourceAsync(orderId, Body(sku, 2, uom: "case", ttl: 600, requestedDate: "2026-12-01T01:00:00+01:00"));

        // 2 cases are 24 eaches, the same instant in another offset, another TTL: the same order.
        using var response = await Oms.PostAsJsonAsync($"/v1/orders/{orderId}/source", Body(sku, 24, ttl: 30, requestedDate: "2026-12-01T00:00:00Z"));
        var again = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.Should().Be(HttpStatusCode.OK, again.ToString());
        response.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        again.Str("decisionId").Should().Be(first.Str("decisionId"));
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(24);
    }

    [Test]
    public async Task Replay_ReservationsChanged_EachShowsItsStatusNow()
    {
        var sku = await StockedItemAsync(10);
        var expiring = NewOrderId();
        var released = NewOrderId();
        var (_, first) = await SourceAsync(expiring, Body(sku, 2, ttl: 1));
        var (_, other) = await SourceAsync(released, Body(sku, 3));
        var allocation = first.GetProperty("lines")[0].GetProperty("allocations")[0];
        allocation.Str("reservationStatus").Should().Be("soft", "the first answer's reservations were just taken");
        (await SendAsync(Oms, $"/v1/reservations/{ReservationIds(other).Single()}/release", null)).Status.Should().Be(HttpStatusCode.OK);

        await Task.Delay(1_500);
        var (_, replayExpired) = await SourceAsync(expiring, Body(sku, 2, ttl: 1));
        var (_, replayReleased) = await SourceAsync(released, Body(sku, 3));
        var detail = await Oms.GetJsonAsync($"/v1/decisions/{first.Str("decisionId")}");

        static string StatusOf(JsonElement answer) => answer.GetProperty("lines")[0].GetProperty("allocations")[0].Str("reservationStatus");
        StatusOf(replayExpired).Should().Be("expired", "a due soft reservation no longer holds its units, swept or not");
        StatusOf(replayReleased).Should().Be("released");
        StatusOf(detail).Should().Be("expired");
        replayExpired.GetProperty("lines")[0].GetProperty("allocations")[0].Str("reservationId").Should().Be(allocation.Str("reservationId"));
        var (confirmStatus, problem) = await SendAsync(Oms, $"/v1/reservations/{allocation.Str("reservationId")}/confirm", null);
        confirmStatus.Should().Be(HttpStatusCode.Conflict);
        problem.Str("code").Should().Be("reservation_expired");
        problem.Str("detail").Should().Contain("new order id").And.NotContain("Source the order again");
    }

    [Test]
    public async Task AllocationRun_ReserveWithDecidedOrderIds_ReplayedOrConflictNotGranted()
    {
        var sku = await StockedItemAsync(10);
        var decided = NewOrderId();
        var reused = NewOrderId();
        var (_, first) = await SourceAsync(decided, Body(sku, 1));
        await SourceAsync(reused, Body(sku, 1));
        object Demand(string orderId, long quantity) => new
        {
            orderId, segment = "retail", customer = new { id = "C-1", tier = "standard" }, shipTo = new { country = "DE", postalCode = "20095" },
            lines = new[] { new { lineId = "1", sku, quantity, uom = "each" } },
        };

        var (status, run) = await SendAsync(Oms, "/v1/allocations/run", new { demands = new[] { Demand(decided, 1), Demand(reused, 2) }, reserve = true });

        status.Should().Be(HttpStatusCode.OK, run.ToString());
        var ranking = run.GetProperty("ranking").EnumerateArray().ToDictionary(r => r.Str("orderId"));
        var replayed = ranking[decided].GetProperty("reserved");
        replayed.Str("status").Should().Be("replayed");
        replayed.GetProperty("answer").Str("decisionId").Should().Be(first.Str("decisionId"));
        var note = $"already decided as {first.Str("decisionId")}; nothing new reserved";
        replayed.Str("message").Should().Be(note);
        run.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()).Should().Contain(e => e!.EndsWith(note, StringComparison.Ordinal));
        ranking[decided].GetProperty("explanation").EnumerateArray().Select(e => e.GetString()).Should().Contain(e => e!.EndsWith(note, StringComparison.Ordinal));
        var conflict = ranking[reused].GetProperty("reserved");
        conflict.Str("status").Should().Be("order_conflict");
        conflict.GetProperty("answer").ValueKind.Should().Be(JsonValueKind.Null);
        conflict.Str("message").Should().Contain("different request");
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(2, "neither demand reserved anything new");
    }

    [Test]
    public async Task AllocationRun_ReserveTwice_DecidedDemandsReplayedNotPlannedAgain()
    {
        var sku = await StockedItemAsync(10);
        var (a, b, reused, late) = (NewOrderId(), NewOrderId(), NewOrderId(), NewOrderId());
        object Demand(string orderId, long quantity) => new
        {
            orderId, segment = "retail", customer = new { id = "C-1", tier = "standard" }, shipTo = new { country = "DE", postalCode = "20095" },
            lines = new[] { new { lineId = "1", sku, quantity, uom = "each" } },
        };
        var (_, first) = await SendAsync(Oms, "/v1/allocations/run", new { demands = new[] { Demand(a, 4), Demand(b, 3) }, reserve = true });
        var firstIds = first.GetProperty("ranking").EnumerateArray()
            .ToDictionary(r => r.Str("orderId"), r => r.GetProperty("reserved").GetProperty("answer").Str("decisionId"));
        await SourceAsync(reused, Body(sku, 1));
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(8);

        // The reused id comes before the new demand: planned, it would take the last 2 units from it.
        var (status, run) = await SendAsync(Oms, "/v1/allocations/run",
            new { demands = new[] { Demand(a, 4), Demand(b, 3), Demand(reused, 2), Demand(late, 2) }, reserve = true });

        status.Should().Be(HttpStatusCode.OK, run.ToString());
        var ranking = run.GetProperty("ranking").EnumerateArray().ToDictionary(r => r.Str("orderId"));
        ranking[late].Int("rank").Should().Be(1, "only the undecided demand is planned; the decided ones rank after it");
        ranking[late].GetProperty("reserved").Str("status").Should().Be("created");
        Allocated(ranking[late]).Should().Be(2);
        foreach (var (orderId, units, rank) in new[] { (a, 4L, 2), (b, 3L, 3) })
        {
            var entry = ranking[orderId];
            entry.Int("rank").Should().Be(rank);
            entry.GetProperty("reserved").Str("status").Should().Be("replayed", entry.ToString());
            entry.GetProperty("reserved").GetProperty("answer").Str("decisionId").Should().Be(firstIds[orderId]);
            Allocated(entry).Should().Be(units, "the entry shows what the stored decision holds, not a plan on stock it took itself");
            entry.GetProperty("totals").Long("allocated").Should().Be(units);
            entry.GetProperty("score").ValueKind.Should().Be(JsonValueKind.Null);
        }
        var conflict = ranking[reused];
        conflict.Int("rank").Should().Be(4);
        conflict.GetProperty("reserved").Str("status").Should().Be("order_conflict");
        conflict.GetProperty("totals").Long("allocated").Should().Be(0);
        conflict.GetProperty("totals").Long("rejected").Should().Be(2);
        run.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()).Should()
            .Contain(e => e!.StartsWith($"#2 {a} (retail): not planned", StringComparison.Ordinal) && e.Contains("holds 4 of 4 units"));

        var totals = run.GetProperty("totals");
        var entries = ranking.Values.Select(r => r.GetProperty("totals")).ToList();
        foreach (var field in new[] { "requested", "allocated", "substituted", "backordered", "rejected", "shipments" })
        {
            totals.Long(field).Should().Be(entries.Sum(t => t.Long(field)), $"the run's {field} is the sum of its entries");
        }
        totals.Long("allocated").Should().Be(9);
        totals.Long("requested").Should().Be(11);
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(10, "only the new demand reserved");

        var (_, again) = await SendAsync(Oms, "/v1/allocations/run", new { demands = new[] { Demand(a, 4), Demand(b, 3) }, reserve = true });
        again.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("reserved").Str("status")).Should().Equal("replayed", "replayed");
        again.GetProperty("totals").Long("allocated").Should().Be(7);
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(10, "a repeated run reserves nothing");
        var logged = await Oms.GetJsonAsync($"/v1/decisions/{again.Str("decisionId")}");
        logged.GetProperty("totals").Long("allocated").Should().Be(7);
        logged.GetProperty("ranking").EnumerateArray().Select(r => r.Str("orderId")).Should().Equal(a, b);
    }
}
