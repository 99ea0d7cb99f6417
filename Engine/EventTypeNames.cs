namespace InventoryRules.Engine;

/// <summary>Wire names of event types (snake_case, as in API.md). Shipped names never change.</summary>
public static class EventTypeNames
{
    static readonly Dictionary<string, EventType> ByName = new(StringComparer.Ordinal)
    {
        ["receipt"] = EventType.Receipt,
        ["shipment"] = EventType.Shipment,
        ["sale"] = EventType.Sale,
        ["return"] = EventType.Return,
        ["adjustment"] = EventType.Adjustment,
        ["cycle_count"] = EventType.CycleCount,
        ["status_change"] = EventType.StatusChange,
        ["transfer_out"] = EventType.TransferOut,
        ["transfer_in"] = EventType.TransferIn,
        ["asn_created"] = EventType.AsnCreated,
        ["asn_cancelled"] = EventType.AsnCancelled,
    };

    static readonly Dictionary<EventType, string> ByType = ByName.ToDictionary(p => p.Value, p => p.Key);

    public static IReadOnlyCollection<string> All => ByName.Keys;

    public static bool TryParse(string? name, out EventType type) =>
        ByName.TryGetValue(name ?? "", out type);

    public static string Name(this EventType type) => ByType[type];
}
