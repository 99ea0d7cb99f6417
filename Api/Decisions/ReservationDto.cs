using System.Text.Json.Serialization;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// A reservation as the OMS sees it. <see cref="Status"/> is the effective one: a soft reservation past its
/// expiry reads "expired" even before the sweeper has marked it, because it no longer holds its units.
/// </summary>
public sealed record ReservationDto(
    string Id,
    string DecisionId,
    string OrderId,
    string LineId,
    string Sku,
    string Node,
    long Quantity,
    long Shipped,
    string Status,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ExpiresAt,
    DateTimeOffset UpdatedAt);
