using System.Runtime.CompilerServices;
using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// Cycle counts: DCs count each A line weekly (the 3PL its A and B lines), on a weekday fixed per item,
/// before receiving starts; stores and dark stores count every line once every four weeks before
/// opening. A count reports the physical stock, which sometimes is a unit or two short of the book
/// (theft, breakage nobody booked) and, very rarely, far off: those become count-variance anomalies.
/// </summary>
internal static class Counting
{
    const int Cycle = 28;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(SimulationState state, int day)
    {
        if (day == 0) return;
        var weekday = state.Calendar.Weekday(day);
        var yesterday = state.Calendar.Weekday(day - 1);
        for (var s = 0; s < state.Sites.Length; s++)
        {
            var site = state.Sites[s];
            if (site.IsWarehouse)
            {
                if (weekday is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
                foreach (var i in state.Range[s])
                {
                    var velocity = state.Items[i].Item.VelocityClass;
                    var counted = velocity == VelocityClass.A || (velocity == VelocityClass.B && site.Type == NodeType.ThirdPartyLogistics);
                    if (counted && (i % 5) + 1 == (int)weekday) Count(state, s, i, day, Window.DcCount, site.Wms!, warehouse: true);
                }
                continue;
            }
            if (!site.Trades(weekday)) continue;
            foreach (var i in state.Range[s])
            {
                var offset = state.CountOffset[s, i];
                // A count due on a closed day is taken the next morning.
                var due = (day - offset) % Cycle == 0 || ((day - 1 - offset) % Cycle == 0 && !site.Trades(yesterday));
                if (due) Count(state, s, i, day, Window.StoreCount, Sources.StoreScanner, warehouse: false);
            }
        }
    }

    static void Count(SimulationState state, int s, int i, int day, Window window, string source, bool warehouse)
    {
        if (!state.TryAt(day, window, out var at)) return;
        var book = state.Stock[s, i];
        var counted = Math.Max(0, book - Shrink(state.Random, book, warehouse));
        state.Stock[s, i] = counted;
        state.Emit(at, source, EventType.CycleCount, s, i, counted, Item.Each);
    }

    /// <summary>Units missing against the book (negative: found).</summary>
    static int Shrink(Random random, int book, bool warehouse)
    {
        var u = random.NextDouble();
        if (warehouse)
        {
            if (u < 0.001 && book >= 48) return Math.Max(6, book / 8);
            if (u < 0.08) return random.Next(1, 4);
            return u < 0.10 ? -random.Next(1, 3) : 0;
        }
        if (u < 0.001 && book >= 10) return Math.Max(6, book / 4);
        if (u < 0.15) return 1;
        if (u < 0.20) return 2;
        return u < 0.23 ? -1 : 0;
    }
}
