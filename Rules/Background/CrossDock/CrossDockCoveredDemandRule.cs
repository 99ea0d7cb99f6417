using NRules.Fluent.Dsl;

namespace InventoryRules.Rules.Background.CrossDock;

/// <summary>Once a demand is fully covered, its other options are gone.</summary>
[Name("Cross-dock: a covered demand takes no more supply"), Priority(10)]
public sealed class CrossDockCoveredDemandRule : Rule
{
    public override void Define()
    {
        CrossDockOption option = default!;
        When()
            .Match(() => option)
            .Exists<DemandLeft>(d => d.Of(option.Demand) && d.Units == 0);
        Then().Do(ctx => ctx.Retract(option));
    }
}
