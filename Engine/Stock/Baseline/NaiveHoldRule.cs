using InventoryRules.Engine.Decisions;
using InventoryRules.Rules.Expressions;
using NRules.Fluent.Dsl;
using Model = InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Stock.Baseline;

/// <summary>Every hold of the segment whose scope reaches the position reports what it keeps there.</summary>
[Name("Naive: hold")]
public sealed class NaiveHoldRule : Rule
{
    public override void Define()
    {
        NaivePosition p = default!;
        NaiveRule r = default!;
        When()
            .Match(() => p)
            .Match(() => r, x => x.Segment == p.Segment && x.Kind == RuleKinds.Hold && x.InScope(p));
        Then().Do(ctx => ctx.Insert(Figure(p, r)));
    }

    static HoldFigure Figure(NaivePosition p, NaiveRule r)
    {
        var hold = (Model.HoldRule)r.Compiled.Rule;
        var factor = p.Peak?.HoldShareFactor ?? 1;
        string state;
        long units = 0;
        if (hold.ExpiresAt is { } expires && expires <= p.Now) state = HoldState.Expired;
        else if (!r.Applies(p)) state = Failed(p, r) ? HoldState.Failed : HoldState.ConditionFalse;
        else
        {
            state = HoldState.InForce;
            units = HoldMath.Units(hold, p.Position.OnHand, factor);
        }
        return new HoldFigure(p.Position.Sku, p.Position.Node, p.Segment, hold.Id, hold.ForSegment, units, state, factor);
    }

    static bool Failed(NaivePosition p, NaiveRule r)
    {
        try
        {
            r.Compiled.ConditionHolds(p.Inputs);
            return false;
        }
        catch (Exception e) when (ExpressionFailure.Is(e))
        {
            return true;
        }
    }
}
