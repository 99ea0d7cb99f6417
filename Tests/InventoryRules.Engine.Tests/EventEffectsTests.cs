using static InventoryRules.Engine.Tests.TestEvents;

namespace InventoryRules.Engine.Tests;

/// <summary>What each accepted event does to buckets and supply lines, and the fields each type needs.</summary>
public class EventEffectsTests
{
    static readonly DateTimeOffset Eta = TestData.Now.AddDays(3);

    [TestCase("receipt", 24, 0, 0)]
    [TestCase("sale", -24, 0, 0)]
    [TestCase("shipment", -24, 0, 0)]
    [TestCase("return", 24, 0, 0)]
    [TestCase("adjustment", 24, 0, 0)]
    public void Normalize_Movement_ChangesBucketsByEaches(string type, long onHand, long damaged, long quarantined)
    {
        var e = Accept(Input(type, 2, "case"));

        e.Effect.Should().Be(new BucketDelta(onHand, damaged, quarantined));
        e.CountedOnHand.Should().BeNull();
        e.Supply.Should().BeNull();
    }

    [TestCase("sellable", 5, 0, 0)]
    [TestCase("damaged", 0, 5, 0)]
    [TestCase("quarantined", 0, 0, 5)]
    public void Normalize_ReturnWithToStatus_LandsInThatBucket(string to, long onHand, long damaged, long quarantined) =>
        Accept(Input("return", 5) with { ToStatus = to }).Effect.Should().Be(new BucketDelta(onHand, damaged, quarantined));

    [Test]
    public void Normalize_ReturnWithUnknownStatus_RefusedUnknownStatus() =>
        Normalize(Input("return", 5) with { ToStatus = "broken" }).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.UnknownStatus, Field = "toStatus" });

    [TestCase("sellable", "damaged", -3, 3, 0)]
    [TestCase("damaged", "quarantined", 0, -3, 3)]
    [TestCase("quarantined", "sellable", 3, 0, -3)]
    public void Normalize_StatusChange_MovesUnitsBetweenBuckets(string from, string to, long onHand, long damaged, long quarantined) =>
        Accept(Input("status_change", 3) with { FromStatus = from, ToStatus = to }).Effect.Should()
            .Be(new BucketDelta(onHand, damaged, quarantined));

    [TestCase(null, "damaged", ErrorCodes.MissingField, "fromStatus")]
    [TestCase("sellable", null, ErrorCodes.MissingField, "toStatus")]
    [TestCase("damaged", "damaged", ErrorCodes.InvalidValue, "toStatus")]
    [TestCase("lost", "damaged", ErrorCodes.UnknownStatus, "fromStatus")]
    [TestCase("sellable", "Damaged", ErrorCodes.UnknownStatus, "toStatus")]
    public void Normalize_StatusChangeWithoutTwoDistinctStatuses_Refused(string? from, string? to, string code, string field) =>
        Normalize(Input("status_change", 3) with { FromStatus = from, ToStatus = to }).Rejection.Should()
            .BeEquivalentTo(new { Code = code, Field = field });

    [Test]
    public void Normalize_CycleCount_SetsCountedOnHandWithoutDelta()
    {
        var e = Accept(Input("cycle_count", 3, "case"));

        e.CountedOnHand.Should().Be(36);
        e.Effect.Should().Be(default(BucketDelta));
        e.AsAnchor().Should().Be(new CountAnchor(e.OccurredAt, 36, e.Key));
    }

    [Test]
    public void Normalize_TransferOut_LeavesNodeAndExpectedAtDestination()
    {
        var e = Accept(Input("transfer_out", 1, "case") with { ToNode = TestData.OtherDc, Reference = "TR-7", Eta = Eta });

        e.Effect.Should().Be(new BucketDelta(-12, 0, 0));
        e.Supply.Should().Be(new SupplyEffect(new NodeId(TestData.OtherDc), "TR-7", 12, 0, false, Eta));
    }

    [TestCase(null, "TR-7", ErrorCodes.MissingField, "toNode")]
    [TestCase("DC-99", "TR-7", ErrorCodes.UnknownNode, "toNode")]
    [TestCase(TestData.Dc, "TR-7", ErrorCodes.InvalidValue, "toNode")]
    [TestCase(TestData.OtherDc, null, ErrorCodes.MissingField, "reference")]
    public void Normalize_TransferOutWithoutValidDestinationOrReference_Refused(string? toNode, string? reference, string code, string field) =>
        Normalize(Input("transfer_out", 1) with { ToNode = toNode, Reference = reference }).Rejection.Should()
            .BeEquivalentTo(new { Code = code, Field = field });

    [Test]
    public void Normalize_TransferIn_AddsStockAndReceivesOwnSupplyLine()
    {
        var e = Accept(Input("transfer_in", 1, "case", node: TestData.OtherDc) with { Reference = "TR-7" });

        e.Effect.Should().Be(new BucketDelta(12, 0, 0));
        e.Supply.Should().Be(new SupplyEffect(new NodeId(TestData.OtherDc), "TR-7", 0, 12, false, null));
    }

    [Test]
    public void Normalize_TransferInWithoutReference_RefusedMissingReference() =>
        Normalize(Input("transfer_in", 1)).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.MissingField, Field = "reference" });

    [Test]
    public void Normalize_ReceiptWithReference_ReceivesAgainstSupplyLine()
    {
        var e = Accept(Input("receipt", 2, "case") with { Reference = "ASN-1" });

        e.Effect.Should().Be(new BucketDelta(24, 0, 0));
        e.Supply.Should().Be(new SupplyEffect(new NodeId(TestData.Dc), "ASN-1", 0, 24, false, null));
    }

    [Test]
    public void Normalize_AsnCreated_ExpectsSupplyWithoutTouchingStock()
    {
        var e = Accept(Input("asn_created", 10, "case") with { Reference = "ASN-1", Eta = Eta });

        e.Effect.Should().Be(default(BucketDelta));
        e.Supply.Should().Be(new SupplyEffect(new NodeId(TestData.Dc), "ASN-1", 120, 0, false, Eta));
    }

    [TestCase(null, true, "reference")]
    [TestCase("ASN-1", false, "eta")]
    public void Normalize_AsnCreatedWithoutReferenceOrEta_RefusedMissingField(string? reference, bool withEta, string field) =>
        Normalize(Input("asn_created", 10) with { Reference = reference, Eta = withEta ? Eta : null }).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.MissingField, Field = field });

    [Test]
    public void Normalize_AsnCancelled_CancelsSupplyLine()
    {
        var e = Accept(Input("asn_cancelled", 0) with { Reference = "ASN-1" });

        e.Effect.Should().Be(default(BucketDelta));
        e.Supply.Should().Be(new SupplyEffect(new NodeId(TestData.Dc), "ASN-1", 0, 0, true, null));
    }

    [Test]
    public void Normalize_AsnCancelledWithoutReference_RefusedMissingReference() =>
        Normalize(Input("asn_cancelled", 0)).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.MissingField, Field = "reference" });

    [TestCase("transfer_in")]
    [TestCase("asn_cancelled")]
    public void Normalize_BlankReference_RefusedMissingReference(string type) =>
        Normalize(Input(type, 1) with { Reference = "  ", Eta = Eta }).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.MissingField, Field = "reference" });

    [TestCase("sale", "POS", true)]
    [TestCase("sale", "WMS", false)]
    [TestCase("cycle_count", "WMS", true)]
    [TestCase("cycle_count", "POS", false)]
    [TestCase("receipt", "ERP", true)]
    public void Normalize_NodeNamesAuthoritativeSource_OnlyThatSourceIsAuthoritative(string type, string source, bool authoritative)
    {
        var e = Accept(Input(type, 1, node: TestData.Store, source: source));

        e.Authoritative.Should().Be(authoritative);
    }

    [TestCase("POS")]
    [TestCase("WMS")]
    public void Normalize_NodeNamesNoSource_EverySourceIsAuthoritative(string source) =>
        Accept(Input("sale", 1, node: TestData.Dc, source: source)).Authoritative.Should().BeTrue();
}
