using NRules.Fluent.Dsl;

namespace InventoryRules.Rules.Background.CrossDock;

/// <summary>
/// The best option left (earliest need-by first) among those competing for its supply or its demand takes
/// as many units as both still have. Spent options are retracted first (higher priority rules), so every
/// option still in memory is live and the best one is never blocked.
/// </summary>
[Name("Cross-dock: earliest need-by takes the supply")]
public sealed class CrossDockAssignRule : Rule
{
    public override void Define()
    {
        CrossDockOption option = default!;
        SupplyLeft supply = default!;
        DemandLeft demand = default!;
        When()
            .Match(() => option)
            .Match(() => supply, s => s.Supply == option.Supply && s.Units > 0)
            .Match(() => demand, d => d.Of(option.Demand) && d.Units > 0)
            .Not<CrossDockOption>(o => o != option && option.Competes(o) && CrossDockOption.Before(o, option));
        Then().Do(ctx => Assign(ctx, option, supply, demand));
    }

    static void Assign(NRules.RuleModel.IContext ctx, CrossDockOption option, SupplyLeft supply, DemandLeft demand)
    {
        var units = Math.Min(supply.Units, demand.Units);
        ctx.Retract(option);
        ctx.Retract(supply);
        ctx.Retract(demand);
        ctx.Insert(supply with { Units = supply.Units - units });
        ctx.Insert(demand with { Units = demand.Units - units });
        ctx.Insert(new CrossDockMatch(option.Supply, option.Demand, units, option.DwellHours, option.Terms.RuleId));
    }
}
