namespace InventoryRules.Api.Ingest;

/// <summary>
/// What one batch adds to one supply line (sku, node, reference). The ETA is the one reported by the
/// latest-occurring event that named one (<see cref="EtaSetAt"/>).
/// </summary>
public sealed record SupplyLineChange(
    string Sku, string Node, string Reference, long Expected, long Received, bool Cancelled, long? Eta, long? EtaSetAt);
