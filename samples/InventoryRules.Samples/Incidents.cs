using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// The small daily noise of a real network: customer returns (faulty ones booked to damaged), stock
/// found in a back room, expired fresh lines written off, breakage moved from sellable to damaged, the
/// odd inventory correction at a DC, and two cold-chain quality holds (sellable to quarantined).
/// Gains are booked in the morning and losses in the afternoon, each within the stock on hand.
/// </summary>
internal static class Incidents
{
    public static void Gains(SimulationState state, int day)
    {
        foreach (var r in state.Returns[day]) Return(state, r, day);
        var random = state.Random;
        if (Det.Chance(random, 0.2) && PickStore(state, day, false) is { } found)
        {
            Adjust(state, day, found, Window.StoreGain, random.Next(1, 4), "found in back room");
        }
        if (Det.Chance(random, 0.1) && PickWarehouse(state, day, false) is { } dcFound)
        {
            Adjust(state, day, dcFound, Window.DcFound, random.Next(1, 7), "inventory correction: found on another location");
        }
    }

    public static void Losses(SimulationState state, int day)
    {
        var random = state.Random;
        if (Det.Chance(random, 0.8) && PickStore(state, day, true) is { } expired)
        {
            Adjust(state, day, expired, Window.StoreLoss, -random.Next(1, 5), "expired write-off");
        }
        if (Det.Chance(random, 0.1) && PickWarehouse(state, day, false) is { } dcLost)
        {
            Adjust(state, day, dcLost, Window.DcLoss, -random.Next(1, 7), "inventory correction after investigation");
        }
        if (Det.Chance(random, 0.5) && PickStore(state, day, false) is { } broken)
        {
            Move(state, day, broken, Window.StoreLoss, random.Next(1, 3), "damaged", "damaged packaging found on shelf");
        }
        if (Det.Chance(random, 0.3) && PickWarehouse(state, day, false) is { } crushed)
        {
            var pack = state.Items[crushed.Item].Case;
            Move(state, day, crushed, Window.DcLoss, state.Stock[crushed.Site, crushed.Item] >= pack ? pack : 1, "damaged", "damaged in handling");
        }
        // Two quality holds, a third and two thirds of the way through the history.
        if ((day == state.Calendar.Days / 3 || day == state.Calendar.Days * 2 / 3) && PickWarehouse(state, day, true) is { } hold)
        {
            Move(state, day, hold, Window.DcLoss, state.Items[hold.Item].Case, "quarantined", "quality hold: cold-chain temperature excursion");
        }
    }

    static void Return(SimulationState state, CustomerReturn r, int day)
    {
        if (!state.TryAt(day, Window.StoreGain, out var at)) return;
        var item = state.Items[r.Item].Item;
        if (!r.Faulty) state.Stock[r.Site, r.Item] += r.Quantity;
        state.Emit(at, Sources.Pos, EventType.Return, r.Site, r.Item, r.Quantity, Item.Each, new EventInput
        {
            Reason = r.Faulty ? "faulty item returned" : "customer return",
            ToStatus = r.Faulty ? "damaged" : null,
            Serial = item.SerialTracked ? $"SN{r.Item + 1:D6}{state.Random.Next(100_000, 1_000_000)}" : null,
        });
    }

    static void Adjust(SimulationState state, int day, (int Site, int Item) line, Window window, int quantity, string reason)
    {
        quantity = Math.Max(quantity, -state.Stock[line.Site, line.Item]);
        if (quantity == 0 || !state.TryAt(day, window, out var at)) return;
        state.Stock[line.Site, line.Item] += quantity;
        state.Emit(at, Source(state, line.Site), EventType.Adjustment, line.Site, line.Item, quantity, Item.Each,
            new EventInput { Reason = reason });
    }

    static void Move(SimulationState state, int day, (int Site, int Item) line, Window window, int quantity, string toStatus, string reason)
    {
        quantity = Math.Min(quantity, state.Stock[line.Site, line.Item]);
        if (quantity == 0 || !state.TryAt(day, window, out var at)) return;
        state.Stock[line.Site, line.Item] -= quantity;
        var (amount, uom) = state.InCases(line.Item, quantity);
        state.Emit(at, Source(state, line.Site), EventType.StatusChange, line.Site, line.Item, amount, uom,
            new EventInput { FromStatus = "sellable", ToStatus = toStatus, Reason = reason });
    }

    static string Source(SimulationState state, int site) => state.Sites[site].Wms ?? Sources.StoreScanner;

    /// <summary>A line with stock at a store open today (fresh lines only when <paramref name="fresh"/>).</summary>
    static (int Site, int Item)? PickStore(SimulationState state, int day, bool fresh)
    {
        var stores = Enumerable.Range(0, state.Sites.Length).Where(s => state.Sites[s].Type == NodeType.Store).ToArray();
        var s = Det.Pick(state.Random, stores);
        if (!state.Sites[s].Trades(state.Calendar.Weekday(day))) return null;
        return PickLine(state, s, i => !fresh || (state.Items[i].Perishable && state.Items[i].Category.Name != "frozen"));
    }

    static (int Site, int Item)? PickWarehouse(SimulationState state, int day, bool coldChain)
    {
        if (state.Calendar.Weekday(day) == DayOfWeek.Sunday) return null;
        var warehouses = Enumerable.Range(0, state.Sites.Length)
            .Where(s => state.Sites[s].IsWarehouse && (!coldChain || state.Sites[s].HasCapability("cold_chain"))).ToArray();
        var s = Det.Pick(state.Random, warehouses);
        return PickLine(state, s, i => !coldChain || state.Items[i].ColdChain);
    }

    static (int Site, int Item)? PickLine(SimulationState state, int s, Func<int, bool> eligible)
    {
        var range = state.Range[s];
        for (var attempt = 0; attempt < 20 && range.Count > 0; attempt++)
        {
            var i = Det.Pick(state.Random, range);
            if (eligible(i) && state.Stock[s, i] > 0) return (s, i);
        }
        return null;
    }
}
