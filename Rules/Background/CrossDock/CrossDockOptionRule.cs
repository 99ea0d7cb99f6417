using NRules.Fluent.Dsl;

namespace InventoryRules.Rules.Background.CrossDock;

/// <summary>
/// Supply that arrives at a node before a demand there is needed, within the segment's longest dwell, and
/// in a shipment large enough to be worth cross-docking, may serve it.
/// </summary>
[Name("Cross-dock: supply that can serve a demand")]
public sealed class CrossDockOptionRule : Rule
{
    public override void Define()
    {
        InboundSupply supply = default!;
        OpenDemand demand = default!;
        CrossDockTerms terms = default!;
        When()
            .Match(() => supply)
            .Match(() => demand, d => d.Sku == supply.Sku && d.Node == supply.Node && d.NeedBy >= supply.Eta)
            .Match(() => terms, t => t.Sku == supply.Sku && t.Node == supply.Node && t.Segment == demand.Segment,
                t => supply.Quantity >= t.MinQuantity && (demand.NeedBy - supply.Eta).TotalHours <= t.MaxDwellHours);
        Then().Do(ctx => ctx.Insert(new CrossDockOption(supply, demand, terms)));
    }
}
