using InventoryRules.Api.Data;

namespace InventoryRules.Api.Supply;

/// <summary>A row of <c>backorders</c> as stored (instants in microseconds).</summary>
public sealed class BackorderRow
{
    public string Id { get; init; } = "";
    public string DecisionId { get; init; } = "";
    public string OrderId { get; init; } = "";
    public string LineId { get; init; } = "";
    public int ClaimIndex { get; init; }
    public string Segment { get; init; } = "";
    public string CustomerId { get; init; } = "";
    public string Sku { get; init; } = "";
    public string? Node { get; init; }
    public string? Reference { get; init; }
    public long Quantity { get; init; }
    public long Released { get; init; }
    public long? PromiseDate { get; init; }
    public long? RequestedDate { get; init; }
    public string Status { get; init; } = "";
    public long CreatedAt { get; init; }
    public long? ReleasedAt { get; init; }
    public string? ReservationId { get; init; }

    public long Waiting => Math.Max(0, Quantity - Released);

    public BackorderDto ToDto() => new(Id, DecisionId, OrderId, LineId, Segment, CustomerId, Sku, Node, Reference, Quantity, Released,
        Instants.FromMicros(PromiseDate), Instants.FromMicros(RequestedDate), Status, Instants.FromMicros(CreatedAt), Instants.FromMicros(ReleasedAt),
        ReservationId);
}
