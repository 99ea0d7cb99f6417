namespace InventoryRules.Rules.Background.Reorder;

/// <summary>
/// A reorder rule's verdict at a position as the stock re-evaluation computed it (expressions evaluated by
/// the compiled delegates, shelf life applied): whether it triggers, how much, and the figures behind it.
/// </summary>
public sealed record ReorderCheck(string Sku, string Node, string Segment, string RuleId, bool Perishable, bool Triggered,
    long Quantity, double ReorderPoint, double OrderUpTo, long Available, long InTransit, int RemainingShelfLifeDays,
    int MinRemainingShelfLifeDays);
