using System.Text.Json.Serialization;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// A reservation as the OMS sees it. <see cref="Status"/> is the effective one: a soft reservation past its
/// expiry reads "expired" even before the sweeper has marked it, because it no longer holds its units.
/// <see cref="Flags"/> (one reservation read only) lists re-evaluations that asked for it to be re-sourced.
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
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Supply.ReservationFlagDto>? Flags = null);
