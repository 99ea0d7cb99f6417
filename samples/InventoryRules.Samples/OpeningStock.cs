using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// Day 0: every line starts with a receipt of its order-up-to level (reason "opening stock"), the
/// go-live balance the WMS or the store scanner books, so later counts compare against real stock.
/// </summary>
internal static class OpeningStock
{
    const string Reason = "opening stock";

    public static void Run(SimulationState state)
    {
        for (var s = 0; s < state.Sites.Length; s++)
        {
            var site = state.Sites[s];
            foreach (var i in state.Range[s])
            {
                var item = state.Items[i];
                if (site.IsWarehouse)
                {
                    var target = ReplenishmentPolicy.WarehouseTarget(state, s, i, ReplenishmentPolicy.ForWarehouse(state, s, i, 0));
                    var cases = Math.Max(1, (int)Math.Ceiling(target / item.Case));
                    Book(state, s, i, Window.DcCount, site.Wms!, cases, "case", cases * item.Case);
                }
                else
                {
                    var target = ReplenishmentPolicy.StoreTarget(state, s, i, ReplenishmentPolicy.ForStore(state, s, i, 0));
                    var packs = Math.Max(1, (int)Math.Ceiling(target / item.StorePack));
                    Book(state, s, i, Window.StoreCount, Sources.StoreScanner, packs, item.StorePackUom, packs * item.StorePack);
                }
            }
        }
    }

    static void Book(SimulationState state, int s, int i, Window window, string source, int quantity, string uom, int eaches)
    {
        if (!state.TryAt(0, window, out var at)) return;
        state.Stock[s, i] += eaches;
        state.Emit(at, source, EventType.Receipt, s, i, quantity, uom, new EventInput { Reason = Reason });
    }
}
