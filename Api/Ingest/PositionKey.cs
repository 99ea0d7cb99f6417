using InventoryRules.Engine;

namespace InventoryRules.Api.Ingest;

/// <summary>(sku, node), ordered ordinally: the lock order of every writer.</summary>
public readonly record struct PositionKey(ItemId Sku, NodeId Node) : IComparable<PositionKey>
{
    public int CompareTo(PositionKey other)
    {
        var bySku = string.CompareOrdinal(Sku.Value, other.Sku.Value);
        return bySku != 0 ? bySku : string.CompareOrdinal(Node.Value, other.Node.Value);
    }
}
