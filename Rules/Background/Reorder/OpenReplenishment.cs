namespace InventoryRules.Rules.Background.Reorder;

/// <summary>A replenishment order raised earlier and not yet shipped (so not in transit): it covers part of a new trigger.</summary>
public sealed record OpenReplenishment(string Reference, string Sku, string Node, long Quantity);
