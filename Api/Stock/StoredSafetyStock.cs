using InventoryRules.Engine.Stock;

namespace InventoryRules.Api.Stock;

/// <summary>A stock_safety row as compared: the figure and the rule set version it came from (computed_at is not part of it).</summary>
internal readonly record struct StoredSafetyStock(SafetyStockFigure Figure, string RuleSetId, long RuleSetVersion);
