namespace InventoryRules.Api.Decisions;

/// <summary>
/// The bodies of the decision endpoints as the OMS sends them (API.md, Decisions). Every field is
/// nullable so that a missing one is reported with its path and code instead of a bare 400.
/// </summary>
public static class OrderRequestBody
{
    public sealed record Customer(string? Id, string? Tier, bool? Strategic, int? ContractPriority);

    public sealed record ShipTo(string? Country, string? PostalCode, double? Latitude, double? Longitude);

    public sealed record Line(string? LineId, string? Sku, decimal? Quantity, string? Uom);

    /// <summary><c>POST /v1/orders/{orderId}/source</c>.</summary>
    public sealed record Source(string? Segment, Customer? Customer, ShipTo? ShipTo, IReadOnlyList<Line?>? Lines,
        DateTimeOffset? RequestedDate, bool? PreOrder, int? ReservationTtlSeconds);

    /// <summary><c>POST /v1/availability</c>: lines need no ids.</summary>
    public sealed record Availability(string? Segment, Customer? Customer, ShipTo? ShipTo, IReadOnlyList<Line?>? Lines,
        DateTimeOffset? ByDate);

    /// <summary>One competing demand of <c>POST /v1/allocations/run</c>.</summary>
    public sealed record Demand(string? OrderId, string? Segment, Customer? Customer, ShipTo? ShipTo, IReadOnlyList<Line?>? Lines,
        DateTimeOffset? RequestedDate, bool? PreOrder);

    public sealed record AllocationRun(IReadOnlyList<Demand?>? Demands, bool? Reserve);
}
