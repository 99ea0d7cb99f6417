namespace InventoryRules.Engine;

/// <summary>
/// A cycle count against what the ledger believed at the count's instant: the accuracy KPI's raw data.
/// </summary>
public sealed record CountVariance(EventKey Count, ItemId Sku, NodeId Node, DateTimeOffset CountedAt, long Counted, long System)
{
    public long Variance => Counted - System;
}
