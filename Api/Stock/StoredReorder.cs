using InventoryRules.Engine.Stock;

namespace InventoryRules.Api.Stock;

/// <summary>A stock_reorders row as compared: the figure and the rule set version it came from.</summary>
internal readonly record struct StoredReorder(ReorderFigure Figure, string RuleSetId, long RuleSetVersion);
