namespace InventoryRules.Rules.Background.Reorder;

/// <summary>Units to order for a perishable position now, net of replenishment already ordered.</summary>
public sealed record ReorderOrder(ReorderCheck Check, long Quantity, long AlreadyOrdered)
{
    public string Text =>
        $"{Check.Sku} at {Check.Node}: order {Quantity} ({Check.RuleId}: available {Check.Available} + inbound {Check.InTransit}"
        + $" at or below {Words.Number(Check.ReorderPoint)} with {Check.RemainingShelfLifeDays} days of shelf life left"
        + (AlreadyOrdered > 0 ? $"; {AlreadyOrdered} already ordered" : "") + ")";
}
