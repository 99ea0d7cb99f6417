namespace InventoryRules.Rules.Background.CrossDock;

/// <summary>Units of a supply line to flow straight to an order line, without put-away, and the rule that allowed it.</summary>
public sealed record CrossDockMatch(InboundSupply Supply, OpenDemand Demand, long Quantity, double DwellHours, string RuleId)
{
    public string Line =>
        $"{Supply.Reference} {Supply.Sku} {Quantity} units at {Supply.Node} → cross-dock to order {Demand.OrderId} line {Demand.LineId}"
        + $" (needed by {Words.Date(Demand.NeedBy)}, dwell {Words.Hours(DwellHours)}; rule {RuleId})";
}
