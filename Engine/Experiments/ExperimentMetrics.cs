namespace InventoryRules.Engine.Experiments;

/// <summary>The metrics every experiment reports, in the order the contract lists them.</summary>
public static class ExperimentMetrics
{
    public static readonly ExperimentMetric UnitFillRate = new("unitFillRate", "Unit fill rate", ExperimentMetric.Share, true, false,
        o => o.Filled, o => o.Requested, "fills", "more units", "fewer units", "no order asked for any units");

    public static readonly ExperimentMetric OrderFillRate = new("orderFillRate", "Order fill rate", ExperimentMetric.Share, true, true,
        o => o.FullyFilled ? 1 : 0, _ => 1, "fills", "more orders completely", "fewer orders completely", "there are no orders");

    public static readonly ExperimentMetric SplitRate = new("splitRate", "Split rate", ExperimentMetric.Share, false, true,
        o => o.Nodes > 1 ? 1 : 0, _ => 1, "splits", "more orders", "fewer orders", "there are no orders");

    public static readonly ExperimentMetric FulfilmentCost = new("fulfilmentCost", "Fulfilment cost per order", ExperimentMetric.Currency, false, false,
        o => o.Cost, _ => 1, "costs", "more per order", "less per order", "there are no orders");

    // Per order alone, a version that fills less also ships less and looks cheaper; per unit filled it does not.
    public static readonly ExperimentMetric CostPerUnitFilled = new("costPerUnitFilled", "Fulfilment cost per unit filled", ExperimentMetric.Currency,
        false, false, o => o.Cost, o => o.Filled, "costs", "more per unit filled", "less per unit filled", "no unit was filled");

    public static readonly ExperimentMetric MarginWeightedFill = new("marginWeightedFill", "Margin-weighted fill", ExperimentMetric.Share, true, false,
        o => o.MarginFilled, o => o.MarginRequested, "fills", "more of the ordered margin", "less of the ordered margin",
        "no ordered item has a margin (price above cost)");

    public static readonly ExperimentMetric BackorderRate = new("backorderRate", "Backorder rate", ExperimentMetric.Share, false, true,
        o => o.Backordered ? 1 : 0, _ => 1, "backorders", "more orders", "fewer orders", "there are no orders");

    public static readonly ExperimentMetric PromiseAttainment = new("promiseAttainment", "Promise-date attainment", ExperimentMetric.Share, true, true,
        o => o.PromiseAttained == true ? 1 : 0, o => o.PromiseAttained is null ? 0 : 1, "meets the requested date on", "more orders",
        "fewer orders", "no order had a requested date");

    public static IReadOnlyList<ExperimentMetric> All { get; } =
        [UnitFillRate, OrderFillRate, SplitRate, FulfilmentCost, CostPerUnitFilled, MarginWeightedFill, BackorderRate, PromiseAttainment];
}
