namespace InventoryRules.Engine.Stock;

/// <summary>A rule expression that could not be evaluated at a position; the rule was skipped there, as decisions skip it.</summary>
public sealed record StockRuleFailure(string Sku, string Node, string Segment, string RuleId, string Message);
