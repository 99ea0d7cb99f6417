using System.Runtime.CompilerServices;
using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// Evening dispatch from the DCs (Monday to Saturday): one transfer document per store and DC a day,
/// a transfer_out line per item in inners or cases with the expected arrival, and the matching
/// transfer_in when the truck is unloaded the next trading morning (two days for chilled lines
/// trunked from the fresh hub, and now and then a day late). Stores take turns at scarce DC stock.
/// </summary>
internal static class StoreReplenishment
{
    const double LateChance = 0.02;

    sealed record Document(string Reference, DateTimeOffset At, bool Happened);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(SimulationState state, int day)
    {
        if (!ReplenishmentPolicy.DcDispatches(state.Calendar.Weekday(day))) return;
        var count = state.Sites.Length;
        for (var k = 0; k < count; k++)
        {
            var s = (day + k) % count;
            if (state.Home[s] < 0) continue;
            var documents = new Dictionary<int, Document>();
            foreach (var i in state.Range[s]) Replenish(state, s, i, day, documents);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Replenish(SimulationState state, int s, int i, int day, Dictionary<int, Document> documents)
    {
        var position = state.Stock[s, i] + state.Inbound[s, i];
        var plan = ReplenishmentPolicy.ForStore(state, s, i, day);
        if (position >= plan.ReorderPoint) return;
        var item = state.Items[i];
        var dc = state.Supplier[s, i];
        var target = ReplenishmentPolicy.StoreTarget(state, s, i, plan);
        var arrival = plan.Arrival;
        var packs = Math.Min((int)Math.Ceiling((target - position) / item.StorePack), state.Stock[dc, i] / item.StorePack);
        if (packs <= 0) return;
        if (!documents.TryGetValue(dc, out var document))
        {
            var happened = state.TryAt(day, Window.DcTransferOut, out var at);
            document = new Document(state.NextTransfer(), at, happened);
            documents[dc] = document;
        }
        if (!document.Happened) return;

        var site = state.Sites[s];
        var eaches = packs * item.StorePack;
        state.Stock[dc, i] -= eaches;
        state.Inbound[s, i] += eaches;
        state.Emit(document.At, state.Sites[dc].Wms!, EventType.TransferOut, dc, i, packs, item.StorePackUom, new EventInput
        {
            ToNode = site.Code,
            Reference = document.Reference,
            Eta = state.Calendar.Local(arrival, 8 * 3600),
        });
        var unloaded = Det.Chance(state.Random, LateChance) ? ReplenishmentPolicy.NextTradingDay(state, site, arrival + 1) : arrival;
        if (state.InHistory(unloaded))
        {
            state.Arrivals[unloaded].Add(new Arrival(ArrivalKind.TransferIn, s, i, eaches, packs, item.StorePackUom, document.Reference));
        }
    }
}
