namespace InventoryRules.Rules.Background.CrossDock;

/// <summary>
/// Units of an order line not covered yet, whichever node they could ship from (so that a line offered at
/// two nodes is not covered twice); replaced, never changed, as matches cover it.
/// </summary>
public sealed record DemandLeft(string OrderId, string LineId, long Units)
{
    public bool Of(OpenDemand demand) => demand.OrderId == OrderId && demand.LineId == LineId;

    public static bool Same(OpenDemand a, OpenDemand b) => a.OrderId == b.OrderId && a.LineId == b.LineId;
}
