namespace InventoryRules.Rules.Background.Backorders;

/// <summary>
/// Releases backordered lines when receipts make stock available (one session per run): best allocation
/// priority first, then arrival, never more than each segment's ATP (on-hand − committed − safety stock −
/// other segments' holds). The caller reserves what is released, re-checking stock as every reservation does.
/// </summary>
public static class BackorderReleasing
{
    static readonly RulePack Pack = new(typeof(ReleaseBackorderRule));

    /// <param name="lines">Backordered lines, one per line at the node it waits at.</param>
    /// <param name="stock">Positions after the receipts.</param>
    /// <param name="floors">Per (sku, node, segment) what the segment may not take; a missing floor is 0.</param>
    public static BackorderReleaseReport Run(IReadOnlyCollection<BackorderedLine> lines, IReadOnlyCollection<StockAtNode> stock,
        IReadOnlyCollection<SegmentFloor> floors)
    {
        var floorOf = floors.GroupBy(f => (f.Sku, f.Node, f.Segment)).ToDictionary(g => g.Key, g => g.First().Units);
        var waiting = lines.Where(l => l.Quantity > 0).Distinct()
            .Select(l => new WaitingLine(l, l.Quantity, floorOf.GetValueOrDefault((l.Sku, l.Node, l.Segment)))).ToList();
        var session = Pack.NewSession();
        session.InsertAll(waiting);
        session.InsertAll(stock.GroupBy(s => (s.Sku, s.Node)).Select(g => new FreeStock(g.Key.Sku, g.Key.Node, Math.Max(0, g.First().OnHand - g.First().Committed))));
        var fired = session.Fire();

        // NRules fires one activation at a time, best first, so the order of insertion is the release order; the
        // sort below restores it from the ranking, since a session's query order is not defined.
        var released = session.Query<ReleasedUnits>().ToList();
        released.Sort((a, b) => BackorderedLine.Compare(a.Line, b.Line));
        var releases = released.Select((r, i) => new BackorderRelease(r.Line, r.Units, r.AtpBefore, i + 1)).ToList();
        var free = session.Query<FreeStock>().ToDictionary(f => (f.Sku, f.Node), f => f.Units);
        var still = session.Query<WaitingLine>().Where(w => w.Units > 0).ToList();
        still.Sort((a, b) => BackorderedLine.Compare(a.Line, b.Line));
        var waits = still.Select(w => new BackorderWait(w.Line, w.Units, w.Atp(free.GetValueOrDefault((w.Line.Sku, w.Line.Node))), w.Floor)).ToList();
        return new BackorderReleaseReport(releases, waits, [.. releases.Select(r => r.Text), .. waits.Select(w => w.Text)], fired);
    }
}
