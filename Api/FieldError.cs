namespace InventoryRules.Api;

/// <summary>One thing wrong with a request: where (a JSON path like <c>events[3].uom</c>), a stable code, words.</summary>
public sealed record FieldError(string Field, string Code, string Message);
