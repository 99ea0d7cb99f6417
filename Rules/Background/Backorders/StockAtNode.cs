namespace InventoryRules.Rules.Background.Backorders;

/// <summary>A position after the receipts: on-hand and what is committed already.</summary>
public sealed record StockAtNode(string Sku, string Node, long OnHand, long Committed);
