using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// Runs the simulated days. Within a day the phases that move stock run in the order their local time
/// windows follow at each node (counts, deliveries, gains, losses, demand, evening dispatch), so the
/// stock each event sees is the stock at its instant; purchase orders (ASNs) move none and come last.
/// The hot loops are marked AggressiveOptimization: the generator runs once per process (the API seeds
/// at first start), and would otherwise spend much of that one run in unoptimized tier-0 code.
/// </summary>
internal static class EventSimulator
{
    public static EventInput[] Run(SimulationState state)
    {
        Assortment.Build(state);
        state.PrepareForecasts();
        OpeningStock.Run(state);
        for (var day = 0; day < state.Calendar.Days; day++)
        {
            Counting.Run(state, day);
            Deliveries.Run(state, day);
            Incidents.Gains(state, day);
            Incidents.Losses(state, day);
            Demand.Run(state, day);
            StoreReplenishment.Run(state, day);
            SupplierReplenishment.Run(state, day);
        }
        return state.Log.Finish();
    }
}
