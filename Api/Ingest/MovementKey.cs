namespace InventoryRules.Api.Ingest;

/// <summary>A position's movement statistics in one direction; ordered ordinally for lock order.</summary>
public readonly record struct MovementKey(string Sku, string Node, string Direction) : IComparable<MovementKey>
{
    public int CompareTo(MovementKey other)
    {
        var c = string.CompareOrdinal(Sku, other.Sku);
        if (c == 0) c = string.CompareOrdinal(Node, other.Node);
        return c != 0 ? c : string.CompareOrdinal(Direction, other.Direction);
    }
}
