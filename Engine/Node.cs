namespace InventoryRules.Engine;

/// <summary>
/// A fulfilment node's master data. <see cref="AuthoritativeSources"/> names, per event type, the one
/// source whose events change positions here; events of that type from any other source are stored
/// and compared, never applied.
/// </summary>
public sealed record Node(
    NodeId Code,
    string Name,
    NodeType Type,
    string Country,
    string? Region,
    double? Latitude,
    double? Longitude,
    bool DutyPaid,
    IReadOnlyList<string> Capabilities,
    int DailyOrderCapacity,
    decimal CostPerOrder,
    decimal CostPerUnit,
    IReadOnlyList<CarrierCutoff> Cutoffs,
    IReadOnlyDictionary<EventType, string> AuthoritativeSources);
