namespace InventoryRules.Api.Positions;

/// <summary>Filters of GET /v1/positions; every one optional.</summary>
public sealed record PositionFilter(string? Sku, string? Node, string? NodeType, string? Country, bool? Quarantined, long? BelowOnHand);
