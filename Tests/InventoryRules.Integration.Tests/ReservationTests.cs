using System.Net;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>Reservations after sourcing: release, confirm, expiry (before any sweeper ran) and shipment consumption.</summary>
public sealed class ReservationTests(string provider) : DecisionFixture(provider)
{
    [Test]
    public async Task Release_SoftReservation_UnitsBackAndIdempotent()
    {
        var sku = await StockedItemAsync(10);
        var (_, answer) = await SourceAsync(NewOrderId(), Order(sku, 4));
        var id = ReservationIds(answer).Single();

        var (status, released) = await SendAsync(Oms, $"/v1/reservations/{id}/release", null);
        var (againStatus, again) = await SendAsync(Oms, $"/v1/reservations/{id}/release", null);

        status.Should().Be(HttpStatusCode.OK, released.ToString());
        released.Str("status").Should().Be("released");
        againStatus.Should().Be(HttpStatusCode.OK);
        again.Str("status").Should().Be("released");
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(0, "released units count once");
        var (confirmStatus, problem) = await SendAsync(Oms, $"/v1/reservations/{id}/confirm", null);
        confirmStatus.Should().Be(HttpStatusCode.Conflict);
        problem.Str("code").Should().Be("reservation_released");
    }

    [Test]
    public async Task Confirm_SoftReservation_NoExpiryThenReleaseGivesBack()
    {
        var sku = await StockedItemAsync(10);
        var orderId = NewOrderId();
        var (_, answer) = await SourceAsync(orderId, Order(sku, 3, ttl: 1));
        var id = ReservationIds(answer).Single();

        var (status, confirmed) = await SendAsync(Oms, $"/v1/reservations/{id}/confirm", null);
        await Task.Delay(1_500);

        status.Should().Be(HttpStatusCode.OK, confirmed.ToString());
        confirmed.Str("status").Should().Be("confirmed");
        var now = await Oms.GetJsonAsync($"/v1/reservations/{id}");
        now.Str("status").Should().Be("confirmed", "a confirmed reservation does not expire");
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(3);
        (await Oms.GetJsonAsync($"/v1/orders/{orderId}/reservations")).EnumerateArray().Should().ContainSingle(r => r.Str("id") == id);

        (await SendAsync(Oms, $"/v1/reservations/{id}/release", null)).Status.Should().Be(HttpStatusCode.OK);
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(0);
    }

    [Test]
    public async Task UnknownReservation_NotFound()
    {
        (await SendAsync(Oms, "/v1/reservations/rsv_nope/confirm", null)).Status.Should().Be(HttpStatusCode.NotFound);
        (await SendAsync(Oms, "/v1/reservations/rsv_nope/release", null)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ExpiredSoftReservation_StopsCountingAtOnce_BeforeAnySweep()
    {
        var sku = await StockedItemAsync(5);
        var (_, first) = await SourceAsync(NewOrderId(), Order(sku, 5, ttl: 1));
        Allocated(first).Should().Be(5, first.ToString());
        var expiring = ReservationIds(first).Single();
        var availability = new { segment = "retail", shipTo = new { country = "DE" }, lines = new[] { new { sku, quantity = 5 } } };
        (await SendAsync(Oms, "/v1/availability", availability)).Body.GetProperty("lines")[0].Long("networkAvailable").Should().Be(0);

        await Task.Delay(1_600);

        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(5, "no sweeper runs in this fixture");
        (await SendAsync(Oms, "/v1/availability", availability)).Body.GetProperty("lines")[0].Long("networkAvailable").Should().Be(5);
        (await Oms.GetJsonAsync($"/v1/reservations/{expiring}")).Str("status").Should().Be("expired");
        var (confirmStatus, problem) = await SendAsync(Oms, $"/v1/reservations/{expiring}/confirm", null);
        confirmStatus.Should().Be(HttpStatusCode.Conflict);
        problem.Str("code").Should().Be("reservation_expired");

        var (status, second) = await SourceAsync(NewOrderId(), Order(sku, 5));
        status.Should().Be(HttpStatusCode.OK, second.ToString());
        Allocated(second).Should().Be(5, "the expired reservation no longer holds its units");
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(5, "the expired 5 were given back when the new 5 were taken");
        (await SendAsync(Oms, $"/v1/reservations/{expiring}/release", null)).Status.Should().Be(HttpStatusCode.OK, "releasing an expired one changes nothing");
        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(5);
    }

    [Test]
    public async Task ShipmentWithReservationReference_ConsumesTheReservation()
    {
        var sku = await StockedItemAsync(10);
        var (_, answer) = await SourceAsync(NewOrderId(), Order(sku, 4));
        var id = ReservationIds(answer).Single();
        (await SendAsync(Oms, $"/v1/reservations/{id}/confirm", null)).Status.Should().Be(HttpStatusCode.OK);

        await Integration.PostEventsAsync(Ev.Make("shipment", sku, Dc, 1, DateTimeOffset.UtcNow.AddSeconds(-2), reference: id));
        var partly = await Oms.GetJsonAsync($"/v1/reservations/{id}");
        var position = await Integration.PositionAsync(sku, Dc);

        partly.Str("status").Should().Be("confirmed");
        partly.Long("shipped").Should().Be(1);
        position.Long("onHand").Should().Be(9);
        position.Long("committed").Should().Be(3);

        await Integration.PostEventsAsync(Ev.Make("shipment", sku, Dc, 3, DateTimeOffset.UtcNow.AddSeconds(-1), reference: id));
        var shipped = await Oms.GetJsonAsync($"/v1/reservations/{id}");
        position = await Integration.PositionAsync(sku, Dc);

        shipped.Str("status").Should().Be("shipped");
        shipped.Long("shipped").Should().Be(4);
        position.Long("onHand").Should().Be(6);
        position.Long("committed").Should().Be(0);
        var (releaseStatus, problem) = await SendAsync(Oms, $"/v1/reservations/{id}/release", null);
        releaseStatus.Should().Be(HttpStatusCode.Conflict);
        problem.Str("code").Should().Be("reservation_shipped");
    }

    [Test]
    public async Task ShipmentOfMoreThanReserved_ShippedStopsAtQuantity_CommittedLosesOnlyTheRemainder()
    {
        var sku = await StockedItemAsync(10);
        var (_, answer) = await SourceAsync(NewOrderId(), Order(sku, 2));
        var id = ReservationIds(answer).Single();
        (await SendAsync(Oms, $"/v1/reservations/{id}/confirm", null)).Status.Should().Be(HttpStatusCode.OK);
        var (_, other) = await SourceAsync(NewOrderId(), Order(sku, 3));

        await Integration.PostEventsAsync(Ev.Make("shipment", sku, Dc, 1, DateTimeOffset.UtcNow.AddSeconds(-2), reference: id));
        await Integration.PostEventsAsync(Ev.Make("shipment", sku, Dc, 3, DateTimeOffset.UtcNow.AddSeconds(-1), reference: id));
        var shipped = await Oms.GetJsonAsync($"/v1/reservations/{id}");
        var position = await Integration.PositionAsync(sku, Dc);

        shipped.Str("status").Should().Be("shipped");
        shipped.Long("shipped").Should().Be(2, "a reservation of 2 cannot have shipped 4; the surplus is on the ledger");
        position.Long("onHand").Should().Be(6, "all 4 units left the shelf");
        position.Long("committed").Should().Be(Allocated(other), "only the 1 unit the reservation still held left committed");
    }

    [Test]
    public async Task ShipmentWithoutMatchingReservation_ChangesNoCommitted()
    {
        var sku = await StockedItemAsync(10);
        var (_, answer) = await SourceAsync(NewOrderId(), Order(sku, 4));
        var id = ReservationIds(answer).Single();

        // Another node than the reservation's, and a reference that names nothing.
        await Integration.PostEventsAsync(
            Ev.Make("shipment", sku, Shop, 1, DateTimeOffset.UtcNow.AddSeconds(-2), source: Pos, reference: id),
            Ev.Make("shipment", sku, Dc, 1, DateTimeOffset.UtcNow.AddSeconds(-2), reference: "rsv_unknown"));

        (await Integration.PositionAsync(sku, Dc)).Long("committed").Should().Be(4);
        (await Oms.GetJsonAsync($"/v1/reservations/{id}")).Long("shipped").Should().Be(0);
    }
}
