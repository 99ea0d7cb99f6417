using NRules.Fluent.Dsl;

namespace InventoryRules.Rules.Background.Reorder;

/// <summary>A trigger already covered by open replenishment orders nothing more: running the job twice does not order twice.</summary>
[Name("Reorder: already ordered")]
public sealed class ReorderCoveredRule : Rule
{
    public override void Define()
    {
        ReorderCheck check = default!;
        IEnumerable<OpenReplenishment> open = default!;
        When()
            .Match(() => check, c => c.Perishable && c.Triggered && c.Quantity > 0)
            .Query(() => open, q => q.Match<OpenReplenishment>(o => o.Sku == check.Sku && o.Node == check.Node).Collect())
            .Having(() => open.Any() && check.Quantity <= open.Sum(o => o.Quantity));
        Then().Do(ctx => ctx.Insert(new ReorderCovered(check, open.Sum(o => o.Quantity))));
    }
}
