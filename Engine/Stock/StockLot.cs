namespace InventoryRules.Engine.Stock;

/// <summary>Units of one received lot still on hand at a node, with its expiry when the feed gave one.</summary>
public sealed record StockLot(string Sku, string Node, string LotId, long Quantity, DateTimeOffset? ExpiresAt);
