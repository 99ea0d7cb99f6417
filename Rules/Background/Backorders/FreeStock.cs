namespace InventoryRules.Rules.Background.Backorders;

/// <summary>Units of a position not committed yet; replaced, never changed, as releases take from it.</summary>
public sealed record FreeStock(string Sku, string Node, long Units);
