using NRules.Fluent.Dsl;

namespace InventoryRules.Rules.Background.Backorders;

/// <summary>
/// The best-ranked waiting line that its segment can still serve at a node takes what its segment's ATP
/// allows (all of it, or a part when ATP is short). A line its segment cannot serve (its floor eats the
/// free units) does not block lines of other segments that can.
/// </summary>
[Name("Backorders: release to the best-ranked line first")]
public sealed class ReleaseBackorderRule : Rule
{
    public override void Define()
    {
        WaitingLine waiting = default!;
        FreeStock free = default!;
        When()
            .Match(() => waiting, w => w.Units > 0)
            .Match(() => free, f => waiting.At(f), f => waiting.Atp(f.Units) > 0)
            .Not<WaitingLine>(w => w != waiting && w.Units > 0 && w.SameStock(waiting) && w.Atp(free.Units) > 0
                && BackorderedLine.Compare(w.Line, waiting.Line) < 0);
        Then().Do(ctx => Release(ctx, waiting, free));
    }

    static void Release(NRules.RuleModel.IContext ctx, WaitingLine waiting, FreeStock free)
    {
        var atp = waiting.Atp(free.Units);
        var units = Math.Min(waiting.Units, atp);
        ctx.Retract(waiting);
        ctx.Retract(free);
        ctx.Insert(free with { Units = free.Units - units });
        ctx.Insert(waiting with { Units = waiting.Units - units });
        ctx.Insert(new ReleasedUnits(waiting.Line, units, atp));
    }
}
