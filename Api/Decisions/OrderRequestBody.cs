namespace InventoryRules.Api.Decisions;

/// <summary>
/// The bodies of the decision endpoints as the OMS sends them (API.md, Decisions). Every field is
/// nullable so that a missing one is reported with its path and code instead of a bare 400. A field
/// with a default (<c>= null</c>) is optional: the OpenAPI document lists only the others as required.
/// Each type has a name of its own, because the document names schemas by the type's short name.
/// </summary>
public static class OrderRequestBody
{
    public sealed record CustomerBody(string? Id = null, string? Tier = null, bool? Strategic = null, int? ContractPriority = null);

    public sealed record ShipToBody(string? Country, string? PostalCode = null, double? Latitude = null, double? Longitude = null);

    /// <summary>A line of an order or a demand: the line id is required there.</summary>
    public sealed record OrderLineBody(string? LineId, string? Sku, decimal? Quantity, string? Uom = null);

    /// <summary>A line of an availability question: no line id needed (lines are numbered when it is missing).</summary>
    public sealed record AvailabilityLineBody(string? Sku, decimal? Quantity, string? Uom = null, string? LineId = null)
    {
        public OrderLineBody ToOrderLine() => new(LineId, Sku, Quantity, Uom);
    }

    /// <summary><c>POST /v1/orders/{orderId}/source</c>.</summary>
    public sealed record SourceOrderBody(string? Segment, ShipToBody? ShipTo, IReadOnlyList<OrderLineBody?>? Lines, CustomerBody? Customer = null,
        DateTimeOffset? RequestedDate = null, bool? PreOrder = null, int? ReservationTtlSeconds = null);

    /// <summary><c>POST /v1/availability</c>: lines need no ids.</summary>
    public sealed record AvailabilityBody(string? Segment, ShipToBody? ShipTo, IReadOnlyList<AvailabilityLineBody?>? Lines,
        CustomerBody? Customer = null, DateTimeOffset? ByDate = null)
    {
        public IReadOnlyList<OrderLineBody?>? OrderLines() => Lines?.Select(l => l?.ToOrderLine()).ToList();
    }

    /// <summary>One competing demand of <c>POST /v1/allocations/run</c>.</summary>
    public sealed record DemandBody(string? OrderId, string? Segment, ShipToBody? ShipTo, IReadOnlyList<OrderLineBody?>? Lines,
        CustomerBody? Customer = null, DateTimeOffset? RequestedDate = null, bool? PreOrder = null);

    public sealed record AllocationRunBody(IReadOnlyList<DemandBody?>? Demands, bool? Reserve = null);
}
