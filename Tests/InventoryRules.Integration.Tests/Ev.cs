namespace InventoryRules.Integration.Tests;

/// <summary>Builds wire events tersely; every field the feeds send, nulls left out by the serializer.</summary>
public static class Ev
{
    static int counter;

    public static Dictionary<string, object?> Make(string type, string sku, string node, decimal quantity, DateTimeOffset at,
        string? uom = null, string? source = null, string? id = null, string? reference = null, string? toNode = null,
        DateTimeOffset? eta = null, string? fromStatus = null, string? toStatus = null)
    {
        var e = new Dictionary<string, object?>
        {
            ["eventId"] = id ?? $"ev-{Interlocked.Increment(ref counter):D6}-{Guid.NewGuid():N}",
            ["source"] = source ?? TestNetwork.Wms,
            ["occurredAt"] = at.ToString("O"),
            ["type"] = type,
            ["sku"] = sku,
            ["node"] = node,
            ["quantity"] = quantity,
        };
        if (uom is not null) e["uom"] = uom;
        if (reference is not null) e["reference"] = reference;
        if (toNode is not null) e["toNode"] = toNode;
        if (eta is not null) e["eta"] = eta.Value.ToString("O");
        if (fromStatus is not null) e["fromStatus"] = fromStatus;
        if (toStatus is not null) e["toStatus"] = toStatus;
        return e;
    }
}
