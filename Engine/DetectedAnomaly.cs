namespace InventoryRules.Engine;

/// <summary>An anomaly found at ingest, with the figures that triggered it.</summary>
public sealed record DetectedAnomaly(
    string Kind,
    ItemId Sku,
    NodeId Node,
    EventKey? Event,
    long Observed,
    long Expected,
    string Detail);
