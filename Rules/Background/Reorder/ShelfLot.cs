namespace InventoryRules.Rules.Background.Reorder;

/// <summary>A lot on hand with its whole days of shelf life left.</summary>
public sealed record ShelfLot(string Sku, string Node, string LotId, long Quantity, int DaysLeft);
