namespace InventoryRules.Rules.Background.Reorder;

/// <summary>A lot under the reorder rule's minimum shelf life: it no longer counts as available, so mark it down or write it off.</summary>
public sealed record ShortDatedLot(ShelfLot Lot, ReorderCheck Check)
{
    public string Text =>
        $"{Lot.LotId} of {Lot.Sku} at {Lot.Node}: {Lot.Quantity} units with {Lot.DaysLeft} days left, under the {Check.MinRemainingShelfLifeDays}-day minimum"
        + " of rule " + Check.RuleId + ": not counted as available; mark down or write off";
}
