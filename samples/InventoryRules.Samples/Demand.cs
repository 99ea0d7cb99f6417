using System.Runtime.CompilerServices;
using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// Customer demand, drawn around the forecast and never more than the stock on hand (the rest is a lost
/// sale): the day's sales per store line as one POS summary at closing, dark-store orders per line from
/// the picking app, DC e-commerce parcels and B2B orders before the carrier cut-offs, and the 3PL's
/// export shipments. Store sales of returnable goods schedule the odd customer return.
/// </summary>
internal static class Demand
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(SimulationState state, int day)
    {
        var weekday = state.Calendar.Weekday(day);
        for (var s = 0; s < state.Sites.Length; s++)
        {
            var site = state.Sites[s];
            if (SimulationState.DayFactor(site, weekday) == 0) continue;
            foreach (var i in state.Range[s])
            {
                switch (site.Type)
                {
                    case NodeType.Store: Sell(state, s, i, day); break;
                    case NodeType.DarkStore: Ship(state, s, i, day, Window.DarkStoreShipments, Sources.PickApp, inCases: false); break;
                    default:
                        Ship(state, s, i, day, Window.DcShipment, site.Wms!, inCases: true);
                        if (site.Type == NodeType.Dc) B2bOrder(state, s, i, day);
                        break;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Sell(SimulationState state, int s, int i, int day)
    {
        var sold = Math.Min(Det.Poisson(state.Random, state.Forecast(s, i, day)), state.Stock[s, i]);
        if (sold == 0 || !state.TryAt(day, Window.StoreSales, out var at)) return;
        state.Stock[s, i] -= sold;
        state.Emit(at, Sources.Pos, EventType.Sale, s, i, sold, Item.Each);
        var rate = state.Items[i].Category.ReturnRate;
        if (rate > 0 && Det.Chance(state.Random, Math.Min(0.5, rate * sold))) ScheduleReturn(state, s, i, day, sold);
    }

    static void ScheduleReturn(SimulationState state, int s, int i, int day, int sold)
    {
        var random = state.Random;
        var item = state.Items[i];
        var returnDay = ReplenishmentPolicy.NextTradingDay(state, state.Sites[s], day + random.Next(1, 15));
        var quantity = !item.Item.SerialTracked && sold >= 3 && Det.Chance(random, 0.3) ? 2 : 1;
        var faulty = Det.Chance(random, item.Category.Name == "electronics" ? 0.3 : 0.1);
        if (state.InHistory(returnDay)) state.Returns[returnDay].Add(new CustomerReturn(s, i, quantity, faulty));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Ship(SimulationState state, int s, int i, int day, Window window, string source, bool inCases)
    {
        var shipped = Math.Min(Det.Poisson(state.Random, state.Forecast(s, i, day)), state.Stock[s, i]);
        if (shipped == 0 || !state.TryAt(day, window, out var at)) return;
        state.Stock[s, i] -= shipped;
        var (quantity, uom) = inCases ? state.InCases(i, shipped) : (shipped, Item.Each);
        state.Emit(at, source, EventType.Shipment, s, i, quantity, uom);
    }

    static void B2bOrder(SimulationState state, int s, int i, int day)
    {
        var item = state.Items[i];
        if (item.Item.VelocityClass != VelocityClass.A || !Det.Chance(state.Random, Assortment.B2bChance)) return;
        var wanted = state.Random.Next(Assortment.B2bMinCases, Assortment.B2bMaxCases + 1);
        var cases = Math.Min(wanted, state.Stock[s, i] / item.Case);
        if (cases == 0 || !state.TryAt(day, Window.DcShipment, out var at)) return;
        state.Stock[s, i] -= cases * item.Case;
        state.Emit(at, state.Sites[s].Wms!, EventType.Shipment, s, i, cases, "case",
            new EventInput { Reference = state.NextOrder(), Reason = "B2B order" });
    }
}
