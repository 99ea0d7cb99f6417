namespace InventoryRules.Rules.Background.Reorder;

/// <summary>
/// Perishable reorder triggers by remaining shelf life (one session per run), from the reorder checks of
/// the stock re-evaluation: orders net of open replenishment, and short-dated lots to act on.
/// </summary>
public static class PerishableReordering
{
    static readonly RulePack Pack = new(typeof(PerishableReorderRule), typeof(ReorderCoveredRule), typeof(ShortDatedLotRule));

    /// <param name="checks">One per position and segment whose reorder rule matched; a position reordered under
    /// several segments' rule sets should be given once (the job picks the governing segment).</param>
    public static PerishableReorderReport Run(IReadOnlyCollection<ReorderCheck> checks, IReadOnlyCollection<OpenReplenishment> open,
        IReadOnlyCollection<ShelfLot> lots)
    {
        var session = Pack.NewSession();
        session.InsertAll(checks.Distinct());
        session.InsertAll(open.Distinct());
        session.InsertAll(lots.Distinct());
        var fired = session.Fire();

        var orders = Sorted(session.Query<ReorderOrder>().ToList(), o => o.Check, o => "");
        var covered = Sorted(session.Query<ReorderCovered>().ToList(), c => c.Check, c => "");
        var shortDated = Sorted(session.Query<ShortDatedLot>().ToList(), s => s.Check, s => s.Lot.LotId);
        return new PerishableReorderReport(orders, covered, shortDated,
            [.. orders.Select(o => o.Text), .. covered.Select(c => c.Text), .. shortDated.Select(s => s.Text)], fired);
    }

    /// <summary>By sku, node, segment and then <paramref name="then"/>, ordinally: a session's query order is not defined.</summary>
    static List<T> Sorted<T>(List<T> rows, Func<T, ReorderCheck> check, Func<T, string> then) =>
        [.. rows.OrderBy(r => check(r).Sku, StringComparer.Ordinal).ThenBy(r => check(r).Node, StringComparer.Ordinal)
            .ThenBy(r => check(r).Segment, StringComparer.Ordinal).ThenBy(then, StringComparer.Ordinal)];
}
