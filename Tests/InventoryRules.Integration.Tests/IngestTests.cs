using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using static InventoryRules.Integration.Tests.TestNetwork;

namespace InventoryRules.Integration.Tests;

/// <summary>The ingest semantics of DESIGN.md, end to end through HTTP, on SQLite and PostgreSQL.</summary>
public sealed class IngestTests(string provider) : LedgerFixture(provider)
{
    [Test]
    public async Task PostEvents_ReceiptInCases_CountsEaches()
    {
        var sku = await Items.NewAsync(Integration);
        var result = await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 2, T0, uom: "case"), Ev.Make("receipt", sku, Dc, 5, T0.AddMinutes(1)));

        result.Int("accepted").Should().Be(2);
        (await Integration.PositionAsync(sku, Dc)).Long("onHand").Should().Be(29);
    }

    [Test]
    public async Task PostEvents_RepeatedEventId_ReportedAsDuplicateAndChangesNothing()
    {
        var sku = await Items.NewAsync(Integration);
        var receipt = Ev.Make("receipt", sku, Dc, 10, T0);
        await Integration.PostEventsAsync(receipt);
        var version = (await Integration.PositionAsync(sku, Dc)).Long("version");

        var again = await Integration.PostEventsAsync(receipt, receipt);

        again.Int("accepted").Should().Be(0);
        again.Int("duplicates").Should().Be(2);
        var position = await Integration.PositionAsync(sku, Dc);
        position.Long("onHand").Should().Be(10);
        position.Long("version").Should().Be(version);
    }

    [Test]
    public async Task PostEvents_SameEventIdFromAnotherSource_IsAnotherEvent()
    {
        var sku = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 10, T0, id: "shared-1", source: "WMS-1"),
            Ev.Make("receipt", sku, Dc, 3, T0, id: "shared-1", source: "ERP"));

        (await Integration.PositionAsync(sku, Dc)).Long("onHand").Should().Be(13);
    }

    [Test]
    public async Task PostEvents_LateDeltaBeforeCycleCount_RecordedButNotCountedTwice()
    {
        var sku = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 100, T0));
        await Integration.PostEventsAsync(Ev.Make("cycle_count", sku, Dc, 95, T0.AddHours(2)));
        var late = Ev.Make("sale", sku, Dc, 5, T0.AddHours(1));

        var result = await Integration.PostEventsAsync(late, Ev.Make("sale", sku, Dc, 10, T0.AddHours(3)));

        result.Int("accepted").Should().Be(2);
        (await Integration.PositionAsync(sku, Dc)).Long("onHand").Should().Be(85, "the count at 10:00 already saw the 09:00 sale");
        var history = await Integration.GetJsonAsync($"/v1/positions/{sku}/{Dc}/events");
        history.GetProperty("items").EnumerateArray().Single(e => e.Str("eventId") == (string)late["eventId"]!)
            .Str("outcome").Should().Be("already_counted");
    }

    [Test]
    public async Task PostEvents_CountArrivesAfterLaterDeltas_LaterDeltasApplyOnTop()
    {
        var sku = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 100, T0), Ev.Make("sale", sku, Dc, 10, T0.AddHours(3)));

        await Integration.PostEventsAsync(Ev.Make("cycle_count", sku, Dc, 60, T0.AddHours(2)));

        (await Integration.PositionAsync(sku, Dc)).Long("onHand").Should().Be(50);
    }

    [Test]
    public async Task PostEvents_SameEventsInAnyOrder_GiveTheSamePosition()
    {
        var (first, second) = (await Items.NewAsync(Integration), await Items.NewAsync(Integration));
        object[] For(string sku) =>
        [
            Ev.Make("receipt", sku, Dc, 40, T0, id: $"{sku}-1"), Ev.Make("sale", sku, Dc, 7, T0.AddHours(1), id: $"{sku}-2"),
            Ev.Make("cycle_count", sku, Dc, 30, T0.AddHours(2), id: $"{sku}-3"), Ev.Make("receipt", sku, Dc, 2, T0.AddHours(3), uom: "case", id: $"{sku}-4"),
            Ev.Make("status_change", sku, Dc, 3, T0.AddHours(4), fromStatus: "sellable", toStatus: "damaged", id: $"{sku}-5"),
            Ev.Make("sale", sku, Dc, 4, T0.AddMinutes(90), id: $"{sku}-6"),
        ];
        foreach (var e in For(first)) await Integration.PostEventsAsync(e);
        foreach (var e in For(second).Reverse()) await Integration.PostEventsAsync(e);

        var a = await Integration.PositionAsync(first, Dc);
        var b = await Integration.PositionAsync(second, Dc);
        a.Long("onHand").Should().Be(30 + 24 - 3);
        b.Long("onHand").Should().Be(a.Long("onHand"));
        b.Long("damaged").Should().Be(a.Long("damaged")).And.Be(3);
    }

    [Test]
    public async Task GetPosition_AsOf_CountsFixOnHandAsOfTheirTime()
    {
        var sku = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 100, T0), Ev.Make("sale", sku, Dc, 10, T0.AddHours(1)),
            Ev.Make("cycle_count", sku, Dc, 95, T0.AddHours(2)), Ev.Make("sale", sku, Dc, 5, T0.AddHours(3)));

        (await Integration.PositionAsync(sku, Dc, T0.AddMinutes(-1))).Long("onHand").Should().Be(0);
        (await Integration.PositionAsync(sku, Dc, T0.AddMinutes(90))).Long("onHand").Should().Be(90);
        (await Integration.PositionAsync(sku, Dc, T0.AddHours(2))).Long("onHand").Should().Be(95);
        (await Integration.PositionAsync(sku, Dc, T0.AddMinutes(150))).Long("onHand").Should().Be(95);
        (await Integration.PositionAsync(sku, Dc)).Long("onHand").Should().Be(90);
    }

    [Test]
    public async Task PostEvents_CountFarFromRecord_RecordsVarianceAndQuarantinesUntilResolved()
    {
        var sku = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 100, T0));
        await Integration.PostEventsAsync(Ev.Make("cycle_count", sku, Dc, 70, T0.AddHours(1)));

        var variance = (await Integration.GetJsonAsync($"/v1/count-variances?sku={sku}")).GetProperty("items")[0];
        variance.Long("counted").Should().Be(70);
        variance.Long("system").Should().Be(100);
        variance.Long("variance").Should().Be(-30);
        (await Integration.PositionAsync(sku, Dc)).GetProperty("positionQuarantined").GetBoolean().Should().BeTrue();
        var anomaly = (await Integration.GetJsonAsync($"/v1/anomalies?sku={sku}&status=open")).GetProperty("items")[0];
        anomaly.Str("kind").Should().Be("count_variance");

        var resolved = await Operator.PostAsJsonAsync($"/v1/anomalies/{anomaly.Long("id")}/resolve", new { note = "recounted, 70 is right" });

        resolved.IsSuccessStatusCode.Should().BeTrue();
        (await Integration.PositionAsync(sku, Dc)).GetProperty("positionQuarantined").GetBoolean().Should().BeFalse();
        (await Operator.PostAsJsonAsync($"/v1/anomalies/{anomaly.Long("id")}/resolve", new { })).StatusCode
            .Should().Be(System.Net.HttpStatusCode.Conflict);
    }

    [Test]
    public async Task PostEvents_CountWithinTolerance_RecordsVarianceWithoutAnomaly()
    {
        var sku = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 100, T0), Ev.Make("cycle_count", sku, Dc, 97, T0.AddHours(1)));

        (await Integration.GetJsonAsync($"/v1/count-variances?sku={sku}")).GetProperty("items")[0].Long("variance").Should().Be(-3);
        (await Integration.GetJsonAsync($"/v1/anomalies?sku={sku}")).Long("total").Should().Be(0);
    }

    [Test]
    public async Task PostEvents_SaleBelowZero_RecordsNegativeOnHandAnomaly()
    {
        var sku = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 3, T0), Ev.Make("shipment", sku, Dc, 5, T0.AddHours(1)));

        (await Integration.PositionAsync(sku, Dc)).Long("onHand").Should().Be(-2);
        (await Integration.GetJsonAsync($"/v1/anomalies?sku={sku}&kind=negative_on_hand")).Long("total").Should().Be(1);
    }

    [Test]
    public async Task PostEvents_StatusChange_MovesUnitsBetweenBuckets()
    {
        var sku = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 50, T0),
            Ev.Make("status_change", sku, Dc, 5, T0.AddHours(1), fromStatus: "sellable", toStatus: "damaged"),
            Ev.Make("status_change", sku, Dc, 4, T0.AddHours(2), fromStatus: "sellable", toStatus: "quarantined"),
            Ev.Make("status_change", sku, Dc, 1, T0.AddHours(3), fromStatus: "quarantined", toStatus: "sellable"));

        var position = await Integration.PositionAsync(sku, Dc);
        position.Long("onHand").Should().Be(42);
        position.Long("damaged").Should().Be(5);
        position.Long("quarantined").Should().Be(3);
    }

    [Test]
    public async Task PostEvents_Transfer_MovesStockThroughInTransit()
    {
        var sku = await Items.NewAsync(Integration);
        var eta = T0.AddDays(1);
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 100, T0),
            Ev.Make("transfer_out", sku, Dc, 2, T0.AddHours(1), uom: "case", toNode: Shop2, reference: $"TR-{sku}", eta: eta));

        (await Integration.PositionAsync(sku, Dc)).Long("onHand").Should().Be(76);
        var inTransit = (await Integration.PositionAsync(sku, Shop2)).GetProperty("inTransit");
        inTransit.GetArrayLength().Should().Be(1);
        inTransit[0].Long("quantity").Should().Be(24);
        inTransit[0].GetProperty("eta").GetDateTimeOffset().Should().Be(eta);

        await Integration.PostEventsAsync(Ev.Make("transfer_in", sku, Shop2, 24, T0.AddHours(20), source: "STORE-SCANNER", reference: $"TR-{sku}"));

        var arrived = await Integration.PositionAsync(sku, Shop2);
        arrived.Long("onHand").Should().Be(24);
        arrived.GetProperty("inTransit").GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task PostEvents_AsnReceivedInPartsThenCancelled_InTransitFollows()
    {
        var sku = await Items.NewAsync(Integration);
        var asn = $"ASN-{sku}";
        await Integration.PostEventsAsync(Ev.Make("asn_created", sku, Dc, 5, T0, uom: "case", source: "ERP", reference: asn, eta: T0.AddDays(3)));
        (await Integration.PositionAsync(sku, Dc)).GetProperty("inTransit")[0].Long("quantity").Should().Be(60);

        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 2, T0.AddDays(3), uom: "case", reference: asn));
        var partly = await Integration.PositionAsync(sku, Dc);
        partly.Long("onHand").Should().Be(24);
        partly.GetProperty("inTransit")[0].Long("quantity").Should().Be(36);
        (await Integration.PositionAsync(sku, Dc, T0.AddDays(1))).GetProperty("inTransit")[0].Long("quantity").Should().Be(60);

        await Integration.PostEventsAsync(Ev.Make("asn_cancelled", sku, Dc, 0, T0.AddDays(4), source: "ERP", reference: asn));
        (await Integration.PositionAsync(sku, Dc)).GetProperty("inTransit").GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task PostEvents_NonAuthoritativeSale_StoredAsDiscrepancyWithoutChangingStock()
    {
        var sku = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Shop, 20, T0, source: "STORE-SCANNER"),
            Ev.Make("sale", sku, Shop, 2, T0.AddHours(1), source: Pos, reference: $"TICKET-{sku}"));

        var result = await Integration.PostEventsAsync(Ev.Make("sale", sku, Shop, 3, T0.AddHours(1), source: "ERP", reference: $"TICKET-{sku}"));

        result.Int("accepted").Should().Be(1);
        (await Integration.PositionAsync(sku, Shop)).Long("onHand").Should().Be(18);
        var discrepancy = (await Integration.GetJsonAsync($"/v1/discrepancies?sku={sku}")).GetProperty("items")[0];
        discrepancy.Str("source").Should().Be("ERP");
        discrepancy.Str("authoritativeSource").Should().Be(Pos);
        discrepancy.Long("reported").Should().Be(3);
        discrepancy.Long("authoritativeFigure").Should().Be(2);
    }

    [Test]
    public async Task PostEvents_NonAuthoritativeCount_DoesNotMoveOnHand()
    {
        var sku = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 50, T0));

        await Integration.PostEventsAsync(Ev.Make("cycle_count", sku, Dc, 44, T0.AddHours(1), source: "ERP"));

        (await Integration.PositionAsync(sku, Dc)).Long("onHand").Should().Be(50);
        var discrepancy = (await Integration.GetJsonAsync($"/v1/discrepancies?sku={sku}")).GetProperty("items")[0];
        discrepancy.Long("reported").Should().Be(44);
        discrepancy.Long("authoritativeFigure").Should().Be(50);
    }

    [Test]
    public async Task Heartbeat_RecordsFeedFreshness()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(-5);
        (await Integration.PostAsJsonAsync($"/v1/nodes/{Shop2}/heartbeat", new { source = "POS-12", at = at.ToString("O") }))
            .StatusCode.Should().Be(System.Net.HttpStatusCode.NoContent);

        var feeds = await Integration.GetJsonAsync($"/v1/nodes/{Shop2}/feeds");
        feeds.EnumerateArray().Single(f => f.Str("source") == "POS-12").GetProperty("lastSeenAt").GetDateTimeOffset()
            .Should().BeCloseTo(at, TimeSpan.FromMilliseconds(1));
    }

    [Test]
    public async Task ListPositions_Filters_ByNodeTypeCountryAndThreshold()
    {
        var sku = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync(Ev.Make("receipt", sku, Dc, 100, T0), Ev.Make("receipt", sku, Shop, 5, T0, source: "STORE-SCANNER"),
            Ev.Make("receipt", sku, Shop2, 8, T0, source: "STORE-SCANNER"));

        (await Integration.GetJsonAsync($"/v1/positions?sku={sku}")).Long("total").Should().Be(3);
        var stores = await Integration.GetJsonAsync($"/v1/positions?sku={sku}&nodeType=store");
        stores.GetProperty("items").EnumerateArray().Select(p => p.Str("node")).Should().Equal(Shop, Shop2);
        (await Integration.GetJsonAsync($"/v1/positions?sku={sku}&country=CH")).GetProperty("items")[0].Str("node").Should().Be(Shop2);
        (await Integration.GetJsonAsync($"/v1/positions?sku={sku}&belowOnHand=10")).Long("total").Should().Be(2);
        var paged = await Integration.GetJsonAsync($"/v1/positions?sku={sku}&page=2&pageSize=2");
        paged.GetProperty("items").GetArrayLength().Should().Be(1);
    }

    [Test]
    public async Task PositionEvents_TimeRangeAndPaging()
    {
        var sku = await Items.NewAsync(Integration);
        await Integration.PostEventsAsync([.. Enumerable.Range(0, 5).Select(i => (object)Ev.Make("receipt", sku, Dc, 1, T0.AddHours(i)))]);

        var middle = await Integration.GetJsonAsync($"/v1/positions/{sku}/{Dc}/events?from={Uri.EscapeDataString(T0.AddHours(1).ToString("O"))}&to={Uri.EscapeDataString(T0.AddHours(3).ToString("O"))}");
        middle.Long("total").Should().Be(3);
        var second = await Integration.GetJsonAsync($"/v1/positions/{sku}/{Dc}/events?page=2&pageSize=2");
        second.GetProperty("items")[0].GetProperty("occurredAt").GetDateTimeOffset().Should().Be(T0.AddHours(2));
    }
}
