namespace InventoryRules.Rules.Background.CrossDock;

/// <summary>A supply line that may serve a demand under its segment's terms: arrives in time and waits no longer than allowed.</summary>
public sealed record CrossDockOption(InboundSupply Supply, OpenDemand Demand, CrossDockTerms Terms)
{
    public double DwellHours => (Demand.NeedBy - Supply.Eta).TotalHours;

    public static bool Before(CrossDockOption a, CrossDockOption b) => Compare(a.Supply, a.Demand, b.Supply, b.Demand) < 0;

    /// <summary>Earliest need-by first; then the earlier arrival of the supply, of the order, and the ids.</summary>
    public static int Compare(InboundSupply aSupply, OpenDemand aDemand, InboundSupply bSupply, OpenDemand bDemand)
    {
        var order = aDemand.NeedBy.CompareTo(bDemand.NeedBy);
        if (order == 0) order = aSupply.Eta.CompareTo(bSupply.Eta);
        if (order == 0) order = aDemand.ArrivedAt.CompareTo(bDemand.ArrivedAt);
        if (order == 0) order = string.CompareOrdinal(aDemand.OrderId, bDemand.OrderId);
        if (order == 0) order = string.CompareOrdinal(aDemand.LineId, bDemand.LineId);
        if (order == 0) order = string.CompareOrdinal(aSupply.Reference, bSupply.Reference);
        if (order == 0) order = string.CompareOrdinal(aDemand.Node, bDemand.Node);
        return order;
    }

    /// <summary>Both options want the same supply line or the same order line (whichever node it could ship from).</summary>
    public bool Competes(CrossDockOption other) => other.Supply == Supply || DemandLeft.Same(other.Demand, Demand);
}
