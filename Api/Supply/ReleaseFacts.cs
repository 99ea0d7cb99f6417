using InventoryRules.Rules.Background;
using InventoryRules.Rules.Background.Backorders;

namespace InventoryRules.Api.Supply;

/// <summary>
/// The facts of one backorder-release run, built from open backorders and the engine's verdicts: a waiting
/// line per (order, line, node), the floors per segment, the positions, and the lines the engine does not let
/// the node serve now (they wait, and the report says why).
/// </summary>
public sealed class ReleaseFacts
{
    public List<BackorderedLine> Lines { get; } = [];

    /// <summary>Per (sku, node, segment): the highest floor among the segment's waiting lines, so that no release eats into another order's floor.</summary>
    public Dictionary<(string Sku, string Node, string Segment), SegmentFloor> Floors { get; } = [];

    public Dictionary<(string Sku, string Node), StockAtNode> Stock { get; } = [];

    /// <summary>The floor each line's own order keeps at the node: what its take leaves, as a decision's would.</summary>
    public Dictionary<(string OrderId, string LineId, string Node), long> OwnFloor { get; } = [];

    /// <summary>The rows behind each waiting line, in claim order: a release fills them in that order.</summary>
    public Dictionary<(string OrderId, string LineId, string Node), List<BackorderRow>> Rows { get; } = [];

    public List<string> Blocked { get; } = [];

    public static ReleaseFacts Build(IReadOnlyList<BackorderRow> open, IReadOnlyDictionary<string, OrderReviews.Reviewed> reviews)
    {
        var facts = new ReleaseFacts();
        foreach (var group in open.Where(b => b.Node is not null && b.Waiting > 0).GroupBy(b => (b.OrderId, b.LineId, Node: b.Node!)))
        {
            var first = group.First();
            var waiting = group.Sum(b => b.Waiting);
            var what = $"{first.OrderId} line {first.LineId} ({first.Segment}) {first.Sku} at {group.Key.Node}: {waiting} waiting";
            if (!reviews.TryGetValue(group.Key.OrderId, out var review))
            {
                facts.Blocked.Add($"{what} — no rule set in force for {first.Segment} (or its decision is gone)");
                continue;
            }
            var verdict = review.Verdict.At(group.Key.LineId, group.Key.Node);
            if (verdict is { Judged: true, Eligible: false })
            {
                facts.Blocked.Add($"{what} — {group.Key.Node} may not serve this order now: {verdict.ExcludedBecause}");
                continue;
            }
            var floor = verdict?.Floor ?? 0;
            facts.OwnFloor[group.Key] = floor;
            facts.Rows[group.Key] = [.. group.OrderBy(b => b.ClaimIndex)];
            var key = (first.Sku, group.Key.Node, first.Segment);
            if (!facts.Floors.TryGetValue(key, out var known) || known.Units < floor)
            {
                facts.Floors[key] = new SegmentFloor(first.Sku, group.Key.Node, first.Segment, verdict?.SafetyStock ?? 0, verdict?.HeldForOthers ?? 0);
            }
            facts.Lines.Add(new BackorderedLine(first.OrderId, first.LineId, first.Segment, first.Sku, group.Key.Node, waiting, review.Verdict.Priority,
                Data.Instants.FromMicros(group.Min(b => b.CreatedAt))));
            foreach (var p in review.Snapshot.Positions.Where(p => p.Sku == first.Sku && p.Node == group.Key.Node))
            {
                facts.Stock.TryAdd((p.Sku, p.Node), new StockAtNode(p.Sku, p.Node, p.OnHand, p.Committed));
            }
        }
        return facts;
    }
}
