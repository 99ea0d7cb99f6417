using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// One (sku, node) position as background re-evaluation reads it, in eaches: the stored buckets, open
/// inbound supply, whether the position is quarantined pending review, when it last moved, and its demand
/// statistics (the same <see cref="DemandStats"/> decisions read, so both compute the same safety stock).
/// </summary>
public sealed record StockPosition(
    string Sku,
    string Node,
    long OnHand,
    long Committed,
    long InTransit,
    bool Quarantined,
    DateTimeOffset? LastEventAt,
    DemandStats Demand,
    int DaysObserved = 28,
    long Damaged = 0,
    long QuarantinedUnits = 0);
