using InventoryRules.Rules.Background.Reorder;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// Facts for the NRules packs (Rules/Background) from the stock re-evaluation's lots. Floors, eligibility and
/// cross-dock terms come from the engine's per-order judgement (Engine/Decisions/OrderReview), the same a
/// decision makes, so no second version of that arithmetic lives here.
/// </summary>
public static class BackgroundFacts
{
    /// <summary>Lots with a known expiry, with whole days left at <paramref name="now"/> (0 once expired).</summary>
    public static IReadOnlyList<ShelfLot> ShelfLots(IReadOnlyList<StockLot> lots, DateTimeOffset now) =>
        [.. lots.Where(l => l.ExpiresAt is not null).Select(l => new ShelfLot(l.Sku, l.Node, l.LotId, l.Quantity, ShelfLife.DaysLeft(l.ExpiresAt!.Value, now)))];
}
