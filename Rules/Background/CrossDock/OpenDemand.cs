namespace InventoryRules.Rules.Background.CrossDock;

/// <summary>
/// An outbound order line still waiting for stock (backordered or unallocated) that could ship from
/// <paramref name="Node"/>, needed there by <paramref name="NeedBy"/>. One fact per candidate node.
/// </summary>
public sealed record OpenDemand(string OrderId, string LineId, string Segment, string Sku, string Node, long Quantity,
    DateTimeOffset NeedBy, DateTimeOffset ArrivedAt);
