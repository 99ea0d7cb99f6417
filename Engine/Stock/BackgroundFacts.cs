using InventoryRules.Rules.Background;
using InventoryRules.Rules.Background.Reorder;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// Facts for the NRules packs (Rules/Background) from a stock re-evaluation: what each segment may not
/// take of a position, the reorder checks and the lots with their shelf life. The packs match over these;
/// every planner expression was already evaluated by the compiled delegates.
/// </summary>
public static class BackgroundFacts
{
    /// <summary>
    /// Per position and segment: its safety stock (0 when its entitlements let it promise into it) and the
    /// units other segments' holds keep (0 when it may consume holds), capped by on-hand, as decisions count them.
    /// </summary>
    public static IReadOnlyList<SegmentFloor> Floors(StockReevaluation result, IReadOnlyList<StockPosition> positions, IReadOnlyList<SegmentRules> segments)
    {
        var safety = new Dictionary<(string, string, string), SafetyStockFigure>();
        foreach (var f in result.SafetyStock) safety[(f.Sku, f.Node, f.Segment)] = f;
        var holds = new Dictionary<(string, string), List<HoldFigure>>();
        foreach (var h in result.Holds)
        {
            if (h.Units <= 0) continue;
            if (!holds.TryGetValue((h.Sku, h.Node), out var list)) holds[(h.Sku, h.Node)] = list = [];
            list.Add(h);
        }
        var floors = new List<SegmentFloor>(positions.Count * segments.Count);
        foreach (var p in positions)
        {
            var held = holds.GetValueOrDefault((p.Sku, p.Node));
            foreach (var s in segments)
            {
                var entitlements = s.RuleSet.Document.Entitlements;
                var code = s.Segment.Code;
                var ss = safety.TryGetValue((p.Sku, p.Node, code), out var f) && !f.Waived ? f.Units : 0;
                long others = 0;
                if (held is not null && entitlements?.ConsumeHolds != true)
                {
                    foreach (var h in held) others += string.Equals(h.ForSegment, code, StringComparison.Ordinal) ? 0 : h.Units;
                }
                floors.Add(new SegmentFloor(p.Sku, p.Node, code, ss, Math.Min(others, Math.Max(0, p.OnHand))));
            }
        }
        return floors;
    }

    /// <summary>The re-evaluation's reorder rows as the perishable reorder pack reads them.</summary>
    public static IReadOnlyList<ReorderCheck> ReorderChecks(StockReevaluation result, IReadOnlyList<Item> items)
    {
        var perishable = items.Where(i => i.Perishable).Select(i => i.Sku.Value).ToHashSet(StringComparer.Ordinal);
        return [.. result.Reorders.Where(r => !r.Failed).Select(r => new ReorderCheck(r.Sku, r.Node, r.Segment, r.RuleId, perishable.Contains(r.Sku),
            r.Triggered, r.Quantity, r.ReorderPoint, r.OrderUpTo, r.Available, r.InTransit, r.RemainingShelfLifeDays, r.MinRemainingShelfLifeDays))];
    }

    /// <summary>Lots with a known expiry, with whole days left at <paramref name="now"/> (0 once expired).</summary>
    public static IReadOnlyList<ShelfLot> ShelfLots(IReadOnlyList<StockLot> lots, DateTimeOffset now) =>
        [.. lots.Where(l => l.ExpiresAt is not null).Select(l => new ShelfLot(l.Sku, l.Node, l.LotId, l.Quantity, ShelfLife.DaysLeft(l.ExpiresAt!.Value, now)))];
}
