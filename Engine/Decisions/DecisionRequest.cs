namespace InventoryRules.Engine.Decisions;

/// <summary>Where an order goes. Coordinates are optional; without them the country's centre stands in.</summary>
public sealed record ShipTo(string Country, string? PostalCode = null, double? Latitude = null, double? Longitude = null);

/// <summary>Who orders: the tier drives VIP holds, the contract and strategic flag drive allocation priority.</summary>
public sealed record CustomerRef(string Id, string Tier = "standard", bool Strategic = false, int ContractPriority = 0);

/// <summary>One order line, already converted to eaches.</summary>
public sealed record OrderLine(string LineId, string Sku, long Quantity);

/// <summary>
/// What the OMS asks for: source (and, in the service, reserve) these lines for this segment and ship-to.
/// The same request type serves availability (lines without line ids) and replay.
/// </summary>
public sealed record DecisionRequest(
    string OrderId,
    string Segment,
    CustomerRef Customer,
    ShipTo ShipTo,
    IReadOnlyList<OrderLine> Lines,
    DateTimeOffset? RequestedDate = null,
    bool PreOrder = false);
