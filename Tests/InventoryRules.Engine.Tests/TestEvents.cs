namespace InventoryRules.Engine.Tests;

/// <summary>Raw events as a feed would send them, and the ledger events the normalizer makes of them.</summary>
static class TestEvents
{
    public static readonly DateTimeOffset T0 = TestData.Now.AddHours(-6);

    public static DateTimeOffset At(int minute) => T0.AddMinutes(minute);

    public static EventInput Input(
        string type, decimal quantity, string? uom = null, string node = TestData.Dc, string source = "WMS",
        string id = "e-1", DateTimeOffset? at = null) => new()
        {
            EventId = id,
            Source = source,
            OccurredAt = at ?? T0,
            Type = type,
            Sku = TestData.Bolt,
            Node = node,
            Quantity = quantity,
            Uom = uom,
        };

    public static NormalizeResult Normalize(EventInput input) =>
        EventNormalizer.Normalize(input, TestData.FindItem, TestData.FindNode, TestData.Now, TestData.Skew);

    /// <summary>Normalizes an event that must be accepted.</summary>
    public static LedgerEvent Accept(EventInput input)
    {
        var result = Normalize(input);
        result.Rejection.Should().BeNull("the test builds a valid {0} event", input.Type);
        return result.Event!;
    }

    public static LedgerEvent Receipt(string id, int minute, long eaches, string source = "WMS", string node = TestData.Dc) =>
        Accept(Input("receipt", eaches, node: node, source: source, id: id, at: At(minute)));

    public static LedgerEvent Sale(string id, int minute, long eaches, string source = "WMS", string node = TestData.Dc) =>
        Accept(Input("sale", eaches, node: node, source: source, id: id, at: At(minute)));

    public static LedgerEvent Count(string id, int minute, long eaches, string source = "WMS", string node = TestData.Dc) =>
        Accept(Input("cycle_count", eaches, node: node, source: source, id: id, at: At(minute)));

    public static LedgerEvent Move(string id, int minute, long eaches, string from, string to, string node = TestData.Dc) =>
        Accept(Input("status_change", eaches, node: node, id: id, at: At(minute)) with { FromStatus = from, ToStatus = to });
}
