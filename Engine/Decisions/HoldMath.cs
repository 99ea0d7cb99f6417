using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Decisions;

/// <summary>Units a hold in force keeps at a position: its quantity, or its share (times a peak factor) of on-hand, never above on-hand.</summary>
public static class HoldMath
{
    public static long Units(HoldRule hold, long onHand, double shareFactor)
    {
        var stock = Math.Max(0, onHand);
        return hold.Quantity is { } quantity ? Math.Min(quantity, stock)
            : Math.Min(stock, (long)Math.Ceiling((hold.Share ?? 0) * shareFactor * stock - 1e-9));
    }
}
