namespace InventoryRules.Rules.Background.Reservations;

/// <summary>Units the kept reservations commit at a position; replaced, never changed, as reservations are flagged.</summary>
public sealed record PositionCommitted(string Sku, string Node, long Units);
