namespace InventoryRules.Engine;

/// <summary>Why an event was refused: a stable code, the offending field (camelCase) and words for people.</summary>
public sealed record EventRejection(string Code, string Field, string Message);
