namespace InventoryRules.Rules.Background.CrossDock;

/// <summary>
/// Matches inbound supply to open outbound demand at cross-dock nodes under each segment's cross_dock terms
/// (one session per run): every unit of supply goes to one demand at most, earliest need-by first.
/// </summary>
public static class CrossDockMatching
{
    static readonly RulePack Pack = new(typeof(CrossDockOptionRule), typeof(CrossDockAssignRule), typeof(CrossDockSpentSupplyRule),
        typeof(CrossDockCoveredDemandRule));

    public static CrossDockReport Run(IReadOnlyCollection<InboundSupply> supply, IReadOnlyCollection<OpenDemand> demand,
        IReadOnlyCollection<CrossDockTerms> terms)
    {
        var session = Pack.NewSession();
        session.InsertAll(supply.Where(s => s.Quantity > 0).Distinct());
        session.InsertAll(demand.Where(d => d.Quantity > 0).Distinct());
        session.InsertAll(terms.Distinct());
        session.InsertAll(supply.Where(s => s.Quantity > 0).Distinct().Select(s => new SupplyLeft(s, s.Quantity)));
        session.InsertAll(demand.Where(d => d.Quantity > 0).GroupBy(d => (d.OrderId, d.LineId))
            .Select(g => new DemandLeft(g.Key.OrderId, g.Key.LineId, g.Max(d => d.Quantity))));
        var fired = session.Fire();

        var matches = session.Query<CrossDockMatch>().ToList();
        matches.Sort((a, b) => CrossDockOption.Compare(a.Supply, a.Demand, b.Supply, b.Demand));
        var leftOver = session.Query<SupplyLeft>().Where(s => s.Units > 0)
            .OrderBy(s => s.Supply.Eta).ThenBy(s => s.Supply.Reference, StringComparer.Ordinal).ThenBy(s => s.Supply.Sku, StringComparer.Ordinal).ToList();
        var open = session.Query<DemandLeft>().Where(d => d.Units > 0)
            .OrderBy(d => d.OrderId, StringComparer.Ordinal).ThenBy(d => d.LineId, StringComparer.Ordinal).ToList();
        var lines = matches.Select(m => m.Line)
            .Concat(leftOver.Select(s => $"{s.Supply.Reference} {s.Supply.Sku} {s.Units} units at {s.Supply.Node}: no open demand within the cross-dock terms → put away"))
            .ToList();
        return new CrossDockReport(matches, leftOver, open, lines, fired);
    }
}
