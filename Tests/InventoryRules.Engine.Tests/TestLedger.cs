namespace InventoryRules.Engine.Tests;

/// <summary>
/// One position as the store keeps it, without a database: drops event keys it already holds, picks the
/// new anchor among the fresh authoritative events, sums the stored sellable deltas after it, and folds.
/// </summary>
sealed class TestLedger(string sku = TestData.Bolt, string node = TestData.Dc)
{
    readonly Dictionary<EventKey, LedgerEvent> stored = [];
    readonly Dictionary<EventKey, string> outcomes = [];

    public PositionState State { get; private set; } = PositionState.Empty(new ItemId(sku), new NodeId(node));

    public IReadOnlyCollection<LedgerEvent> Stored => stored.Values;

    public string OutcomeOf(LedgerEvent e) => outcomes[e.Key];

    /// <summary>Ingests one batch; returns how many of its events were new.</summary>
    public int Ingest(params IEnumerable<LedgerEvent> batch)
    {
        var fresh = new List<LedgerEvent>();
        foreach (var e in batch)
        {
            if (stored.TryAdd(e.Key, e)) fresh.Add(e);
        }
        var applying = fresh.Where(e => e.Authoritative).ToList();
        if (applying.Count == 0)
        {
            foreach (var e in fresh) outcomes[e.Key] = PositionFold.Outcome(e, State.Anchor, null);
            return fresh.Count;
        }
        var before = State;
        var anchor = PositionFold.NewAnchor(before, applying);
        var sellableAfter = anchor is null ? 0
            : stored.Values.Where(e => e.Authoritative && e.OccurredAt > anchor.At).Sum(e => e.Effect.OnHand);
        State = PositionFold.Apply(before, applying, anchor, sellableAfter);
        foreach (var e in fresh) outcomes[e.Key] = PositionFold.Outcome(e, before.Anchor, anchor);
        return fresh.Count;
    }
}
