using InventoryRules.Rules.Expressions;
using NRules.Fluent.Dsl;
using Model = InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Stock.Baseline;

/// <summary>The first reorder rule of the segment that applies to the position decides its reorder trigger.</summary>
[Name("Naive: reorder")]
public sealed class NaiveReorderRule : Rule
{
    public override void Define()
    {
        NaivePosition p = default!;
        NaiveRule r = default!;
        When()
            .Match(() => p)
            .Match(() => r, x => x.Segment == p.Segment && x.Kind == RuleKinds.Reorder && x.Applies(p))
            .Not<NaiveRule>(x => x.Segment == p.Segment && x.Kind == RuleKinds.Reorder && x.Index < r.Index && x.Applies(p));
        Then().Do(ctx => ctx.Insert(Figure(p, r)));
    }

    static ReorderFigure Figure(NaivePosition p, NaiveRule r)
    {
        var rule = (Model.ReorderRule)r.Compiled.Rule;
        var position = p.Position;
        try
        {
            var point = r.Compiled.Number("reorderPoint", p.Inputs);
            var upTo = r.Compiled.Numbers.ContainsKey("orderUpTo") ? r.Compiled.Number("orderUpTo", p.Inputs) : point * 2;
            return ReorderMath.Figure(position.Sku, position.Node, p.Segment, rule, p.Item.Perishable, p.Item.ShelfLifeDays ?? 0,
                position.OnHand, position.Committed, position.InTransit, p.Lots, p.Now, point, upTo);
        }
        catch (Exception e) when (ExpressionFailure.Is(e))
        {
            return ReorderMath.Failed(position.Sku, position.Node, p.Segment, rule, Math.Max(0, position.OnHand - position.Committed), position.InTransit);
        }
    }
}
