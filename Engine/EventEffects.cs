namespace InventoryRules.Engine;

/// <summary>
/// The effect of each event type on buckets and supply lines (DESIGN.md, Domain), and the fields each
/// type needs. Counts carry an absolute sellable figure instead of a delta.
/// </summary>
public static class EventEffects
{
    public sealed record Shape(BucketDelta Effect, long? CountedOnHand, SupplyEffect? Supply, EventRejection? Rejection);

    public static Shape For(EventType type, EventInput e, long eaches, Node node, Func<string, Node?> nodes)
    {
        var sellable = new BucketDelta(eaches, 0, 0);
        switch (type)
        {
            case EventType.Receipt:
                return Ok(sellable, e.Reference is { } r ? new SupplyEffect(node.Code, r, 0, eaches, false, null) : null);
            case EventType.Shipment:
            case EventType.Sale:
                return Ok(-sellable);
            case EventType.Return:
            case EventType.Adjustment:
            {
                // A return or adjustment lands in sellable stock unless the feed names another bucket.
                var (to, bad) = ParseStatus(e.ToStatus, "toStatus", StockStatus.Sellable);
                return bad is null ? Ok(BucketDelta.Into(to, eaches)) : Fail(bad);
            }
            case EventType.CycleCount:
                return new Shape(default, eaches, null, null);
            case EventType.StatusChange:
                return StatusChange(e, eaches);
            case EventType.TransferOut:
                return TransferOut(e, eaches, node, nodes);
            case EventType.TransferIn:
                return e.Reference is { } inRef
                    ? Ok(sellable, new SupplyEffect(node.Code, inRef, 0, eaches, false, null))
                    : Fail(Missing("reference", "a transfer_in names the transfer's reference"));
            case EventType.AsnCreated:
                if (e.Reference is not { } asnRef) return Fail(Missing("reference", "an asn_created names the ASN's reference"));
                if (e.Eta is not { } eta) return Fail(Missing("eta", "an asn_created needs the expected arrival (eta)"));
                return Ok(default, new SupplyEffect(node.Code, asnRef, eaches, 0, false, eta));
            default:
                return e.Reference is { } cancelRef
                    ? Ok(default, new SupplyEffect(node.Code, cancelRef, 0, 0, true, null))
                    : Fail(Missing("reference", "an asn_cancelled names the ASN's reference"));
        }
    }

    static Shape StatusChange(EventInput e, long eaches)
    {
        if (e.FromStatus is null) return Fail(Missing("fromStatus", "a status_change needs fromStatus"));
        if (e.ToStatus is null) return Fail(Missing("toStatus", "a status_change needs toStatus"));
        var (from, badFrom) = ParseStatus(e.FromStatus, "fromStatus", StockStatus.Sellable);
        if (badFrom is not null) return Fail(badFrom);
        var (to, badTo) = ParseStatus(e.ToStatus, "toStatus", StockStatus.Sellable);
        if (badTo is not null) return Fail(badTo);
        if (from == to)
        {
            return Fail(new EventRejection(ErrorCodes.InvalidValue, "toStatus", $"fromStatus and toStatus are both '{from.Name()}'"));
        }
        return Ok(-BucketDelta.Into(from, eaches) + BucketDelta.Into(to, eaches));
    }

    static Shape TransferOut(EventInput e, long eaches, Node node, Func<string, Node?> nodes)
    {
        if (string.IsNullOrWhiteSpace(e.ToNode)) return Fail(Missing("toNode", "a transfer_out names the receiving node (toNode)"));
        if (nodes(e.ToNode) is not { } destination)
        {
            return Fail(new EventRejection(ErrorCodes.UnknownNode, "toNode", $"node '{e.ToNode}' is not in the node master"));
        }
        if (destination.Code == node.Code)
        {
            return Fail(new EventRejection(ErrorCodes.InvalidValue, "toNode", "a transfer cannot go to the node it leaves"));
        }
        if (e.Reference is not { } reference) return Fail(Missing("reference", "a transfer_out names the transfer's reference"));
        return Ok(new BucketDelta(-eaches, 0, 0), new SupplyEffect(destination.Code, reference, eaches, 0, false, e.Eta));
    }

    static (StockStatus Status, EventRejection? Error) ParseStatus(string? name, string field, StockStatus fallback)
    {
        if (name is null) return (fallback, null);
        return StockStatusNames.TryParse(name, out var status)
            ? (status, null)
            : (fallback, new EventRejection(ErrorCodes.UnknownStatus, field, $"'{name}' is not a status; expected sellable, damaged or quarantined"));
    }

    static EventRejection Missing(string field, string message) => new(ErrorCodes.MissingField, field, message);

    static Shape Ok(BucketDelta effect, SupplyEffect? supply = null) => new(effect, null, supply, null);

    static Shape Fail(EventRejection rejection) => new(default, null, null, rejection);
}
