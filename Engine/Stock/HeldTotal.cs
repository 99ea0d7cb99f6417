namespace InventoryRules.Engine.Stock;

/// <summary>Units held at a position by every hold in force, of every segment, never above on-hand: the position's held bucket.</summary>
public readonly record struct HeldTotal(string Sku, string Node, long Units);
