namespace InventoryRules.Engine;

/// <summary>A SKU code as the feeds send it. <c>default</c> has a null value and is never valid.</summary>
public readonly record struct ItemId(string Value)
{
    public override string ToString() => Value;
}
