using InventoryRules.Engine;

namespace InventoryRules.Samples;

internal static class EventSimulator
{
    public static EventInput[] Run(SimulationState state)
    {
        var t = new double[9]; var sw = System.Diagnostics.Stopwatch.StartNew();
        void Lap(int k) { t[k] += sw.Elapsed.TotalMilliseconds; sw.Restart(); }
        Assortment.Build(state); Lap(0); state.PrepareForecasts(); Lap(1);
        OpeningStock.Run(state); Lap(1);
        for (var day = 0; day < state.Calendar.Days; day++)
        {
            Counting.Run(state, day); Lap(2);
            Deliveries.Run(state, day); Lap(3);
            Incidents.Gains(state, day);
            Incidents.Losses(state, day); Lap(4);
            Demand.Run(state, day); Lap(5);
            StoreReplenishment.Run(state, day); Lap(6);
            SupplierReplenishment.Run(state, day); Lap(7);
        }
        var r = state.Log.Finish(); Lap(8);
        Console.WriteLine(string.Join(" ", t.Select(x => x.ToString("F0"))) + $" gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} cpu {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0}");
        return r;
    }
}
