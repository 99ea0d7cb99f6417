namespace InventoryRules.Engine;

/// <summary>Signed change, in eaches, an event makes to a position's status buckets.</summary>
public readonly record struct BucketDelta(long OnHand, long Damaged, long Quarantined)
{
    public static BucketDelta Into(StockStatus status, long eaches) => status switch
    {
        StockStatus.Sellable => new(eaches, 0, 0),
        StockStatus.Damaged => new(0, eaches, 0),
        _ => new(0, 0, eaches),
    };

    public static BucketDelta operator +(BucketDelta a, BucketDelta b) =>
        new(a.OnHand + b.OnHand, a.Damaged + b.Damaged, a.Quarantined + b.Quarantined);

    public static BucketDelta operator -(BucketDelta a) => new(-a.OnHand, -a.Damaged, -a.Quarantined);
}
