namespace InventoryRules.Rules.Background.Reservations;

/// <summary>On-hand of a position whose reservations are re-evaluated.</summary>
public sealed record PositionOnHand(string Sku, string Node, long OnHand);
