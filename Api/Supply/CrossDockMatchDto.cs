namespace InventoryRules.Api.Supply;

/// <summary>Units of an inbound supply line to flow straight to a backordered order line at a cross-dock node, and the rule that allowed it.</summary>
public sealed record CrossDockMatchDto(
    string Id,
    string Reference,
    string Sku,
    string Node,
    string OrderId,
    string LineId,
    string Segment,
    long Quantity,
    DateTimeOffset Eta,
    DateTimeOffset NeedBy,
    double DwellHours,
    string RuleId,
    string RunId,
    DateTimeOffset MatchedAt,
    DateTimeOffset UpdatedAt);
