using InventoryRules.Engine.Stock;

namespace InventoryRules.Api.Stock;

/// <summary>A stock_holds row as compared: the figure, the rule's expiry (micros) and the rule set version.</summary>
internal readonly record struct StoredHold(HoldFigure Figure, long? ExpiresAt, string RuleSetId, long RuleSetVersion);
