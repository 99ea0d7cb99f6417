using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// When a repeat of an order id is the same order: the validated request in eaches (segment, customer,
/// ship-to, lines by line id, requested date, pre-order) compares equal. How it was spelled does not
/// matter (2 cases or 24 eaches, lines in another order, a date in another offset), nor the reservation
/// TTL, which a retry may change. Anything else means the OMS reused an id for another order.
/// </summary>
public static class CanonicalRequest
{
    public static bool Same(DecisionRequest a, DecisionRequest b) => string.Equals(Of(a), Of(b), StringComparison.Ordinal);

    /// <summary>The order id is left out: both sides are looked up by it.</summary>
    static string Of(DecisionRequest r) => DecisionJson.Write(new
    {
        r.Segment,
        r.Customer,
        r.ShipTo,
        Lines = r.Lines.OrderBy(l => l.LineId, StringComparer.Ordinal).ToList(),
        RequestedDate = r.RequestedDate?.ToUniversalTime(),
        r.PreOrder,
    });
}
