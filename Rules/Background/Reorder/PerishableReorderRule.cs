using NRules.Fluent.Dsl;

namespace InventoryRules.Rules.Background.Reorder;

/// <summary>A perishable position at or below its shelf-life-adjusted reorder point orders what replenishment already ordered does not cover.</summary>
[Name("Reorder: perishable at the reorder point")]
public sealed class PerishableReorderRule : Rule
{
    public override void Define()
    {
        ReorderCheck check = default!;
        IEnumerable<OpenReplenishment> open = default!;
        When()
            .Match(() => check, c => c.Perishable && c.Triggered && c.Quantity > 0)
            .Query(() => open, q => q.Match<OpenReplenishment>(o => o.Sku == check.Sku && o.Node == check.Node).Collect())
            .Having(() => check.Quantity > open.Sum(o => o.Quantity));
        Then().Do(ctx => ctx.Insert(new ReorderOrder(check, check.Quantity - open.Sum(o => o.Quantity), open.Sum(o => o.Quantity))));
    }
}
