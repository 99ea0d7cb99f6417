using InventoryRules.Engine;

namespace InventoryRules.Api.Ingest;

/// <summary>
/// Collects what one batch does: new position states, event outcomes, count variances, anomalies
/// (quarantining the position where the policy says so), discrepancies and movement statistics.
/// </summary>
sealed class BatchApplication(AnomalyPolicy policy)
{
    readonly Dictionary<PositionKey, PositionState> positions = [];
    readonly SortedDictionary<MovementKey, ItemMovement> movementAdded = [];

    public IReadOnlyList<PositionState> Positions => [.. positions.Values.OrderBy(p => new PositionKey(p.Sku, p.Node))];

    public IReadOnlyList<(MovementKey Key, ItemMovement Added)> MovementAdded => [.. movementAdded.Select(m => (m.Key, m.Value))];

    public List<(EventKey Key, string Outcome)> Outcomes { get; } = [];

    public List<CountVariance> Variances { get; } = [];

    public List<(DetectedAnomaly Anomaly, bool Quarantined)> Anomalies { get; } = [];

    public List<Discrepancy> Discrepancies { get; } = [];

    public void Fold(PositionState before, IReadOnlyList<LedgerEvent> events, CountAnchor? anchor, long sellableAfterAnchor, Func<string, ItemMovement> movement)
    {
        var after = PositionFold.Apply(before, events, anchor, sellableAfterAnchor);
        var key = new PositionKey(after.Sku, after.Node);
        positions[key] = after;
        foreach (var e in events)
        {
            var outcome = PositionFold.Outcome(e, before.Anchor, anchor);
            if (outcome != LedgerRow.InitialOutcome(e)) Outcomes.Add((e.Key, outcome));
        }
        foreach (var anomaly in AnomalyDetector.ForPosition(before, after, events, movement, policy))
        {
            Record(anomaly);
        }
        foreach (var e in events.Where(ItemMovement.Counts))
        {
            var k = new MovementKey(after.Sku.Value, after.Node.Value, ItemMovement.Direction(e));
            movementAdded[k] = movementAdded.GetValueOrDefault(k).Add(e.Effect.OnHand);
        }
    }

    /// <summary>A count against the ledger's figure at its instant: a variance, or a discrepancy if not authoritative.</summary>
    public void JudgeCount(LedgerEvent count, long system)
    {
        if (!count.Authoritative)
        {
            if (count.CountedOnHand != system) Discrepancies.Add(Disagreement(count, count.CountedOnHand ?? 0, system));
            return;
        }
        var variance = new CountVariance(count.Key, count.Sku, count.Node, count.OccurredAt, count.CountedOnHand ?? 0, system);
        Variances.Add(variance);
        if (AnomalyDetector.ForCount(variance, policy) is { } anomaly) Record(anomaly);
    }

    public void JudgeReport(LedgerEvent report, long authoritativeFigure)
    {
        if (Math.Abs(report.Eaches) != authoritativeFigure)
        {
            Discrepancies.Add(Disagreement(report, Math.Abs(report.Eaches), authoritativeFigure));
        }
    }

    void Record(DetectedAnomaly anomaly)
    {
        var quarantine = policy.Quarantines(anomaly.Kind);
        var key = new PositionKey(anomaly.Sku, anomaly.Node);
        if (quarantine && positions.TryGetValue(key, out var state))
        {
            positions[key] = state with { PositionQuarantined = true };
        }
        Anomalies.Add((anomaly, quarantine));
    }

    static Discrepancy Disagreement(LedgerEvent e, long reported, long figure) => new(
        e.Sku.Value, e.Node.Value, e.Type.Name(), e.Key.Source, e.Key.EventId, e.NamedSource ?? "", reported, figure,
        $"{e.Key.Source} reports {e.Type.Name()} {reported} for {e.Sku} at {e.Node}; {e.NamedSource} (authoritative) has {figure}");
}
