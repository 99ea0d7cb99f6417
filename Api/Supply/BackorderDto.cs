using System.Text.Json.Serialization;

namespace InventoryRules.Api.Supply;

/// <summary>
/// A backordered order line and the supply it waits on (node and reference null when no known supply covers
/// it yet). <see cref="Released"/> units have been reserved for it so far; <see cref="ReservationId"/> names
/// the latest such reservation.
/// </summary>
public sealed record BackorderDto(
    string Id,
    string DecisionId,
    string OrderId,
    string LineId,
    string Segment,
    string CustomerId,
    string Sku,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Node,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Reference,
    long Quantity,
    long Released,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? PromiseDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? RequestedDate,
    string Status,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ReleasedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ReservationId);
