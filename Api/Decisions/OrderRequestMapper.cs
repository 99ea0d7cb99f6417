using InventoryRules.Api.MasterData;
using InventoryRules.Engine;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Checks an order as the OMS sent it against master data and turns it into the engine's request, in
/// eaches. Every problem is reported with its field path (<c>lines[2].uom</c>) and a stable code.
/// </summary>
public static class OrderRequestMapper
{
    public const int MaxLines = 500;
    public const int MaxIdLength = 200;

    /// <summary>The largest line in eaches: far above any real order, far below overflow in sums.</summary>
    const long MaxEaches = 1_000_000_000;

    public sealed record Order(string OrderId, string? Segment, OrderRequestBody.CustomerBody? Customer, OrderRequestBody.ShipToBody? ShipTo,
        IReadOnlyList<OrderRequestBody.OrderLineBody?>? Lines, DateTimeOffset? RequestedDate, bool PreOrder);

    /// <summary>
    /// The engine request, or the problems. <paramref name="prefix"/> is prepended to field paths (for
    /// demands of an allocation run); without <paramref name="lineIdsRequired"/> missing line ids are numbered.
    /// </summary>
    public static (DecisionRequest? Request, List<FieldError> Errors) Map(Order order, MasterDataCache.Snapshot master, string prefix,
        bool lineIdsRequired)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(order.Segment))
        {
            errors.Add(new($"{prefix}segment", ErrorCodes.MissingField, "name the customer segment (segment)"));
        }
        else if (!master.Segments.ContainsKey(order.Segment))
        {
            errors.Add(new($"{prefix}segment", ErrorCodes.UnknownSegment, $"segment '{order.Segment}' is not in the segment master"));
        }
        ShipToCheck.Check(order.ShipTo, prefix, errors);
        CustomerCheck.Check(order.Customer, prefix, errors);
        var lines = MapLines(order.Lines, master, prefix, lineIdsRequired, errors);
        if (errors.Count > 0) return (null, errors);
        var customer = order.Customer;
        var shipTo = order.ShipTo!;
        return (new DecisionRequest(order.OrderId, order.Segment!,
            new CustomerRef(string.IsNullOrWhiteSpace(customer?.Id) ? "anonymous" : customer.Id, customer?.Tier ?? CustomerCheck.DefaultTier,
                customer?.Strategic ?? false, customer?.ContractPriority ?? 0),
            // An empty postal code is no postal code: rules that test order.ShipToPostalCode see null either way.
            new ShipTo(shipTo.Country!, string.IsNullOrWhiteSpace(shipTo.PostalCode) ? null : shipTo.PostalCode.Trim(), shipTo.Latitude,
                shipTo.Longitude),
            lines, order.RequestedDate, order.PreOrder), errors);
    }

    static List<OrderLine> MapLines(IReadOnlyList<OrderRequestBody.OrderLineBody?>? lines, MasterDataCache.Snapshot master, string prefix,
        bool lineIdsRequired, List<FieldError> errors)
    {
        var mapped = new List<OrderLine>();
        if (lines is not { Count: > 0 })
        {
            errors.Add(new($"{prefix}lines", ErrorCodes.MissingField, "an order needs at least one line"));
            return mapped;
        }
        if (lines.Count > MaxLines)
        {
            errors.Add(new($"{prefix}lines", ErrorCodes.InvalidValue, $"at most {MaxLines} lines per request"));
            return mapped;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var at = $"{prefix}lines[{i}]";
            if (lines[i] is not { } line)
            {
                errors.Add(new(at, ErrorCodes.MissingField, "a line is an object with sku, quantity and uom"));
                continue;
            }
            var lineId = line.LineId;
            if (string.IsNullOrWhiteSpace(lineId))
            {
                if (lineIdsRequired)
                {
                    errors.Add(new($"{at}.lineId", ErrorCodes.MissingField, "every line needs a lineId"));
                    continue;
                }
                lineId = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (lineId.Length > MaxIdLength)
            {
                errors.Add(new($"{at}.lineId", ErrorCodes.InvalidValue, $"a lineId has at most {MaxIdLength} characters"));
                continue;
            }
            if (!ids.Add(lineId))
            {
                errors.Add(new($"{at}.lineId", DecisionErrorCodes.DuplicateLineId, $"lineId '{lineId}' appears twice in the order"));
                continue;
            }
            if (MapLine(line, lineId, at, master, errors) is { } ok) mapped.Add(ok);
        }
        return mapped;
    }

    static OrderLine? MapLine(OrderRequestBody.OrderLineBody line, string lineId, string at, MasterDataCache.Snapshot master, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(line.Sku))
        {
            errors.Add(new($"{at}.sku", ErrorCodes.MissingField, "every line names a sku"));
            return null;
        }
        if (!master.Items.TryGetValue(line.Sku, out var item))
        {
            errors.Add(new($"{at}.sku", ErrorCodes.UnknownSku, $"sku '{line.Sku}' is not in the item master"));
            return null;
        }
        var uom = string.IsNullOrWhiteSpace(line.Uom) ? Item.Each : line.Uom;
        if (item.EachesPer(uom) is not { } factor)
        {
            errors.Add(new($"{at}.uom", ErrorCodes.UnknownUom,
                $"{item.Sku.Value} has no unit '{uom}'; it has {string.Join(", ", item.Units.Keys.Append(Item.Each).Distinct().Order(StringComparer.Ordinal))}"));
            return null;
        }
        if (line.Quantity is not { } quantity)
        {
            errors.Add(new($"{at}.quantity", ErrorCodes.MissingField, "every line has a quantity"));
            return null;
        }
        if (quantity <= 0 || quantity != decimal.Truncate(quantity) || quantity * factor > MaxEaches)
        {
            errors.Add(new($"{at}.quantity", DecisionErrorCodes.InvalidQuantity,
                $"the quantity must be a positive whole number of {uom} (at most {MaxEaches:N0} eaches); got {quantity}"));
            return null;
        }
        return new OrderLine(lineId, item.Sku.Value, (long)quantity * factor);
    }
}
