namespace InventoryRules.Rules.Background.CrossDock;

/// <summary>
/// The cross_dock rule a segment applies to a sku at a node, with its scope and condition already judged
/// by the compiled delegates (and the node's cross_dock capability checked): no terms, no cross-dock.
/// </summary>
public sealed record CrossDockTerms(string Sku, string Node, string Segment, string RuleId, long MinQuantity, double MaxDwellHours);
