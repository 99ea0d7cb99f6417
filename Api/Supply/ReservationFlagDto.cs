using System.Text.Json.Serialization;

namespace InventoryRules.Api.Supply;

/// <summary>
/// A reservation to re-source because a published version no longer covers it: <see cref="Reason"/> is
/// node_ineligible or over_committed, <see cref="Detail"/> says why in words. Resolved once the reservation
/// is no longer open.
/// </summary>
public sealed record ReservationFlagDto(
    string Id,
    string ReservationId,
    string OrderId,
    string LineId,
    string Segment,
    string Sku,
    string Node,
    long Quantity,
    string Reason,
    string Detail,
    string RuleSetId,
    long RuleSetVersion,
    DateTimeOffset FlaggedAt,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ResolvedAt);
