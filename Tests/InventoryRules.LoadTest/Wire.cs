using System.Text.Json;

namespace InventoryRules.LoadTest;

// The few shapes of the wire contract (shared/API.md) the tool sends and reads. Declared here rather
// than referenced from Api/, so the tool sees the service exactly as any other client does.
// Response records take only the fields the tool uses; the rest of an answer is ignored.

/// <summary>Where an order goes (API.md, Decisions).</summary>
sealed record ShipTo(string Country, string PostalCode, double Latitude, double Longitude);

sealed record Customer(string Id, string Tier);

sealed record SourceLine(string LineId, string Sku, int Quantity, string Uom);

/// <summary>Body of <c>POST /v1/orders/{orderId}/source</c>.</summary>
sealed record SourceRequest(string Segment, Customer Customer, ShipTo ShipTo, IReadOnlyList<SourceLine> Lines);

sealed record AvailabilityLine(string Sku, int Quantity, string Uom);

/// <summary>Body of <c>POST /v1/availability</c>.</summary>
sealed record AvailabilityRequest(string Segment, ShipTo ShipTo, IReadOnlyList<AvailabilityLine> Lines);

/// <summary>The parts of a sourcing decision the tool tallies.</summary>
sealed record SourceDecision(IReadOnlyList<DecisionLine>? Lines);

sealed record DecisionLine(string? LineId, decimal Requested, IReadOnlyList<Allocation>? Allocations, decimal Backordered,
    IReadOnlyList<Allocation>? Substitutions);

/// <summary>
/// One node's share of a line, or a substitute SKU shipped instead (same fields). The contract does not fix the type of a reservation id, so it is read as
/// whatever JSON value comes (string or number) and used verbatim in the release/confirm path.
/// </summary>
sealed record Allocation(string? Node, decimal Quantity, JsonElement? ReservationId);

/// <summary>A page of a listing: <c>{ items, page, pageSize, total }</c> (Api/Positions/ResultPage.cs).</summary>
sealed record ResultPage<T>(IReadOnlyList<T>? Items, int Page, int PageSize, long Total);

/// <summary>A position as listed by <c>GET /v1/positions</c>, eaches.</summary>
sealed record PositionRow(string Sku, string Node, long OnHand, long Committed, long Held, bool PositionQuarantined);

/// <summary>A node as listed by <c>GET /v1/nodes</c> (a plain array).</summary>
sealed record NodeRow(string Code, string? Type, string? Country, double? Latitude, double? Longitude);
