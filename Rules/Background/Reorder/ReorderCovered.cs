namespace InventoryRules.Rules.Background.Reorder;

/// <summary>A trigger that replenishment already ordered covers: nothing more is ordered.</summary>
public sealed record ReorderCovered(ReorderCheck Check, long AlreadyOrdered)
{
    public string Text => $"{Check.Sku} at {Check.Node}: {Check.Quantity} needed, {AlreadyOrdered} already ordered; nothing more";
}
