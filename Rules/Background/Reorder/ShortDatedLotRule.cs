using NRules.Fluent.Dsl;

namespace InventoryRules.Rules.Background.Reorder;

/// <summary>Lots under a perishable position's minimum remaining shelf life are reported for markdown or write-off.</summary>
[Name("Reorder: short-dated lot")]
public sealed class ShortDatedLotRule : Rule
{
    public override void Define()
    {
        ReorderCheck check = default!;
        ShelfLot lot = default!;
        When()
            .Match(() => check, c => c.Perishable)
            .Match(() => lot, l => l.Sku == check.Sku && l.Node == check.Node && l.Quantity > 0 && l.DaysLeft < check.MinRemainingShelfLifeDays);
        Then().Do(ctx => ctx.Insert(new ShortDatedLot(lot, check)));
    }
}
