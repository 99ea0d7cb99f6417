namespace InventoryRules.Rules.Background.CrossDock;

/// <summary>Units of a supply line not matched yet; replaced (never changed) as matches take from it.</summary>
public sealed record SupplyLeft(InboundSupply Supply, long Units);
