namespace InventoryRules.Engine;

/// <summary>
/// Validates a raw event against master data and converts it to eaches with its effect on positions
/// and supply lines. Pure: master data and the current instant are arguments.
/// </summary>
public static class EventNormalizer
{
    public const int MaxTextLength = 200;

    /// <summary>A count or movement above this many eaches is a typo, not stock.</summary>
    public const long MaxEaches = 1_000_000_000;

    /// <summary>No stock movement predates this; an earlier instant is an unset clock or a default value.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static NormalizeResult Normalize(
        EventInput input,
        Func<string, Item?> items,
        Func<string, Node?> nodes,
        DateTimeOffset now,
        TimeSpan maxClockSkew)
    {
        // A blank reference is no reference: it must never merge unrelated supply lines into one.
        if (input.Reference is not null && Blank(input.Reference)) input = input with { Reference = null };
        if (Blank(input.EventId)) return Missing("eventId");
        if (Blank(input.Source)) return Missing("source");
        if (TooLong(input) is { } longField)
        {
            return NormalizeResult.Refused(ErrorCodes.InvalidValue, longField, $"{longField} is longer than {MaxTextLength} characters");
        }
        if (input.OccurredAt is not { } occurredAt) return Missing("occurredAt");
        if (occurredAt < Earliest)
        {
            return NormalizeResult.Refused(ErrorCodes.InvalidValue, "occurredAt", $"occurredAt {occurredAt:O} is before {Earliest:yyyy}: a feed clock or default value");
        }
        if (occurredAt > now + maxClockSkew)
        {
            return NormalizeResult.Refused(ErrorCodes.InvalidValue, "occurredAt",
                $"occurredAt {occurredAt:O} is in the future (server time {now:O})");
        }
        if (Blank(input.Type)) return Missing("type");
        if (!EventTypeNames.TryParse(input.Type, out var type))
        {
            return NormalizeResult.Refused(ErrorCodes.UnknownEventType, "type",
                $"'{input.Type}' is not an event type; expected one of {string.Join(", ", EventTypeNames.All)}");
        }
        if (Blank(input.Sku)) return Missing("sku");
        if (items(input.Sku!) is not { } item)
        {
            return NormalizeResult.Refused(ErrorCodes.UnknownSku, "sku", $"SKU '{input.Sku}' is not in the item master");
        }
        if (Blank(input.Node)) return Missing("node");
        if (nodes(input.Node!) is not { } node)
        {
            return NormalizeResult.Refused(ErrorCodes.UnknownNode, "node", $"node '{input.Node}' is not in the node master");
        }
        // A cancellation names the ASN by reference; its quantity, if any, is not needed.
        var quantity = input.Quantity ?? (type == EventType.AsnCancelled ? 0m : (decimal?)null);
        if (quantity is null) return Missing("quantity");
        var uom = input.Uom ?? Item.Each;
        if (item.EachesPer(uom) is not { } factor)
        {
            return NormalizeResult.Refused(ErrorCodes.UnknownUom, "uom",
                $"{item.Sku} has no unit '{uom}'; it has {string.Join(", ", item.Units.Keys.Prepend(Item.Each).Distinct())}");
        }
        // Compared before multiplying: a quantity near decimal's range would overflow the product.
        if (decimal.Abs(quantity.Value) > MaxEaches / factor)
        {
            return NormalizeResult.Refused(ErrorCodes.QuantityTooLarge, "quantity", $"{quantity} {uom} is more than {MaxEaches} eaches");
        }
        var eachesExact = quantity.Value * factor;
        if (eachesExact != decimal.Truncate(eachesExact))
        {
            return NormalizeResult.Refused(ErrorCodes.FractionalQuantity, "quantity",
                $"{quantity} {uom} of {item.Sku} is {eachesExact} eaches; stock is counted in whole eaches");
        }
        var eaches = (long)eachesExact;
        if (eaches < 0 && type != EventType.Adjustment)
        {
            return NormalizeResult.Refused(ErrorCodes.NegativeQuantity, "quantity",
                $"a {type.Name()} cannot have a negative quantity; use an adjustment to correct stock down");
        }

        var shape = EventEffects.For(type, input, eaches, node, nodes);
        if (shape.Rejection is { } rejection) return new NormalizeResult(null, rejection);

        return NormalizeResult.Ok(new LedgerEvent(
            new EventKey(input.Source!, input.EventId!), input.Sequence, occurredAt, type,
            item.Sku, node.Code, quantity.Value, uom, eaches, shape.Effect, shape.CountedOnHand, shape.Supply,
            node.AuthoritativeSources.GetValueOrDefault(type), input));
    }

    static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    static NormalizeResult Missing(string field) =>
        NormalizeResult.Refused(ErrorCodes.MissingField, field, $"{field} is required");

    static string? TooLong(EventInput e) =>
        e.EventId!.Length > MaxTextLength ? "eventId"
        : e.Source!.Length > MaxTextLength ? "source"
        : e.Reference?.Length > MaxTextLength ? "reference"
        : e.Lot?.Length > MaxTextLength ? "lot"
        : e.Serial?.Length > MaxTextLength ? "serial"
        : e.Reason?.Length > MaxTextLength ? "reason"
        : null;
}
