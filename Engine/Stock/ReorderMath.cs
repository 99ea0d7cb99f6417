using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// A reorder rule's arithmetic once its expressions are evaluated, as <see cref="ReorderAdvisor"/> does it
/// (the reorder point lowered in proportion to the shelf life left; order up to the order-up-to level,
/// twice the point without one), but lot by lot where lots are known: only lots under the rule's minimum
/// remaining shelf life stop counting, instead of the whole position.
/// </summary>
internal static class ReorderMath
{
    public static ReorderFigure Figure(string sku, string node, string segment, ReorderRule rule, bool perishable, int shelfLifeDays,
        long onHand, long committed, long inTransit, ReadOnlySpan<StockLot> lots, DateTimeOffset now, double point, double upTo)
    {
        var available = Math.Max(0, onHand - committed);
        long excluded = 0;
        var left = shelfLifeDays;
        if (perishable)
        {
            var (shortDated, daysLeft) = ShelfLife.Split(lots, now, rule.MinRemainingShelfLifeDays);
            if (daysLeft >= 0)
            {
                excluded = shortDated;
                // First expiry, first out: committed units leave from the short-dated lots before the good ones,
                // so only the short-dated units no order takes are lost to availability.
                available = Math.Max(0, onHand - Math.Max(committed, excluded));
                left = daysLeft;
            }
        }
        var adjusted = point;
        if (perishable && shelfLifeDays > 0)
        {
            var share = Math.Clamp((double)left / shelfLifeDays, 0, 1);
            adjusted = point * (1 - rule.ShelfLifeFactor + rule.ShelfLifeFactor * share);
        }
        var position = available + Math.Max(0, inTransit);
        var triggered = position <= adjusted;
        var quantity = triggered ? Math.Max(0, (long)Math.Ceiling(upTo - position)) : 0;
        return new ReorderFigure(sku, node, segment, rule.Id, triggered, point, adjusted, upTo, available, Math.Max(0, inTransit), excluded,
            left, rule.MinRemainingShelfLifeDays, quantity, false);
    }

    public static ReorderFigure Failed(string sku, string node, string segment, ReorderRule rule, long available, long inTransit) =>
        new(sku, node, segment, rule.Id, false, 0, 0, 0, available, inTransit, 0, 0, rule.MinRemainingShelfLifeDays, 0, true);
}
