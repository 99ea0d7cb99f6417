using NRules.Fluent.Dsl;

namespace InventoryRules.Rules.Background.CrossDock;

/// <summary>Once a supply line is fully matched, its other options are gone.</summary>
[Name("Cross-dock: a fully matched supply line serves no one else"), Priority(10)]
public sealed class CrossDockSpentSupplyRule : Rule
{
    public override void Define()
    {
        CrossDockOption option = default!;
        When()
            .Match(() => option)
            .Exists<SupplyLeft>(s => s.Supply == option.Supply && s.Units == 0);
        Then().Do(ctx => ctx.Retract(option));
    }
}
