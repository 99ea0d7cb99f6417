namespace InventoryRules.Engine;

/// <summary>A fulfilment node code (DC, store, ...). <c>default</c> has a null value and is never valid.</summary>
public readonly record struct NodeId(string Value)
{
    public override string ToString() => Value;
}
