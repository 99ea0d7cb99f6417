using static InventoryRules.Engine.Tests.TestEvents;

namespace InventoryRules.Engine.Tests;

/// <summary>What the normalizer accepts, in eaches, and why it refuses the rest.</summary>
public class EventNormalizerTests
{
    [TestCase(2, "case", 24)]
    [TestCase(5, "inner", 15)]
    [TestCase(7, "each", 7)]
    [TestCase(0.5, "case", 6)]
    public void Normalize_KnownUnit_ConvertsToEaches(decimal quantity, string uom, long eaches)
    {
        var e = Accept(Input("receipt", quantity, uom));

        e.Eaches.Should().Be(eaches);
        e.Effect.OnHand.Should().Be(eaches);
        e.Quantity.Should().Be(quantity);
        e.Uom.Should().Be(uom);
    }

    [Test]
    public void Normalize_UomOmitted_CountsInEaches()
    {
        var e = Accept(Input("receipt", 9, uom: null));

        e.Uom.Should().Be("each");
        e.Eaches.Should().Be(9);
    }

    [TestCase(0.5, "inner")]
    [TestCase(1.5, null)]
    [TestCase(0.01, "case")]
    public void Normalize_PartOfAnEach_RefusedFractional(decimal quantity, string? uom) =>
        Normalize(Input("receipt", quantity, uom)).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.FractionalQuantity, Field = "quantity" });

    [TestCase("pallet")]
    [TestCase("")]
    public void Normalize_UnitTheItemLacks_RefusedUnknownUom(string uom) =>
        Normalize(Input("receipt", 1, uom)).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.UnknownUom, Field = "uom" });

    [Test]
    public void Normalize_SkuNotInMaster_RefusedUnknownSku() =>
        Normalize(Input("receipt", 1) with { Sku = "NUT-M8" }).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.UnknownSku, Field = "sku" });

    [Test]
    public void Normalize_NodeNotInMaster_RefusedUnknownNode() =>
        Normalize(Input("receipt", 1, node: "DC-99")).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.UnknownNode, Field = "node" });

    [TestCase("teleport")]
    [TestCase("Receipt")]
    [TestCase("cycle-count")]
    public void Normalize_TypeNotKnown_RefusedUnknownEventType(string type) =>
        Normalize(Input(type, 1)).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.UnknownEventType, Field = "type" });

    static IEnumerable<TestCaseData> WithoutOneField()
    {
        var ok = Input("receipt", 1);
        yield return new TestCaseData(ok with { EventId = null }, "eventId");
        yield return new TestCaseData(ok with { EventId = "  " }, "eventId");
        yield return new TestCaseData(ok with { Source = null }, "source");
        yield return new TestCaseData(ok with { Source = "" }, "source");
        yield return new TestCaseData(ok with { OccurredAt = null }, "occurredAt");
        yield return new TestCaseData(ok with { Type = null }, "type");
        yield return new TestCaseData(ok with { Sku = null }, "sku");
        yield return new TestCaseData(ok with { Sku = " " }, "sku");
        yield return new TestCaseData(ok with { Node = null }, "node");
        yield return new TestCaseData(ok with { Quantity = null }, "quantity");
    }

    [TestCaseSource(nameof(WithoutOneField))]
    public void Normalize_RequiredFieldMissing_RefusedMissingFieldNamingIt(EventInput input, string field)
    {
        Normalize(input).Rejection.Should().BeEquivalentTo(new { Code = ErrorCodes.MissingField, Field = field });
        Normalize(input).Event.Should().BeNull();
    }

    [TestCase("receipt")]
    [TestCase("sale")]
    [TestCase("shipment")]
    [TestCase("return")]
    [TestCase("cycle_count")]
    public void Normalize_NegativeQuantity_RefusedNegative(string type) =>
        Normalize(Input(type, -2, "case")).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.NegativeQuantity, Field = "quantity" });

    [Test]
    public void Normalize_NegativeAdjustment_TakesStockDown()
    {
        var e = Accept(Input("adjustment", -2, "case"));

        e.Eaches.Should().Be(-24);
        e.Effect.Should().Be(new BucketDelta(-24, 0, 0));
    }

    [Test]
    public void Normalize_OccurredBeyondClockSkew_RefusedInvalidOccurredAt() =>
        Normalize(Input("receipt", 1, at: TestData.Now + TestData.Skew + TimeSpan.FromSeconds(1))).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.InvalidValue, Field = "occurredAt" });

    [Test]
    public void Normalize_OccurredWithinClockSkew_Accepted() =>
        Normalize(Input("receipt", 1, at: TestData.Now + TestData.Skew)).Rejection.Should().BeNull();

    [Test]
    public void Normalize_EventIdLongerThanLimit_RefusedInvalidEventId() =>
        Normalize(Input("receipt", 1, id: new string('x', EventNormalizer.MaxTextLength + 1))).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.InvalidValue, Field = "eventId" });

    [Test]
    public void Normalize_EventIdAtLimit_Accepted() =>
        Normalize(Input("receipt", 1, id: new string('x', EventNormalizer.MaxTextLength))).Rejection.Should().BeNull();

    [Test]
    public void Normalize_CasesBeyondEachLimit_RefusedTooLarge() =>
        Normalize(Input("receipt", EventNormalizer.MaxEaches / 12 + 1, "case")).Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.QuantityTooLarge, Field = "quantity" });

    [Test]
    public void Normalize_QuantityNearDecimalMaxInCases_RefusedTooLargeNotThrown()
    {
        var normalize = () => Normalize(Input("receipt", decimal.MaxValue / 2, "case"));

        normalize.Should().NotThrow().Which.Rejection.Should()
            .BeEquivalentTo(new { Code = ErrorCodes.QuantityTooLarge, Field = "quantity" });
    }
}
