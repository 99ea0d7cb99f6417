using System.Runtime.CompilerServices;
using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// DC and 3PL purchase orders: on review days a line below its reorder point is ordered up to its
/// target, in cases (full pallets once the order reaches one). The ERP books the supplier's ASN at the
/// receiving site the same day, one ASN per site, category and day, with the expected arrival; the
/// delivery is received against that reference (sometimes a day late), and a few ASNs are cancelled.
/// </summary>
internal static class SupplierReplenishment
{
    const double LateChance = 0.05;
    const double CancelChance = 0.005;

    sealed record Document(string Reference, DateTimeOffset At, bool Happened);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(SimulationState state, int day)
    {
        var weekday = state.Calendar.Weekday(day);
        for (var w = 0; w < state.Sites.Length; w++)
        {
            var site = state.Sites[w];
            if (!site.IsWarehouse) continue;
            var documents = new Dictionary<string, Document>(StringComparer.Ordinal);
            foreach (var i in state.Range[w])
            {
                if (ReplenishmentPolicy.Reviews(state.Items[i], site, weekday)) Order(state, w, i, day, documents);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Order(SimulationState state, int w, int i, int day, Dictionary<string, Document> documents)
    {
        var position = state.Stock[w, i] + state.Inbound[w, i];
        var plan = ReplenishmentPolicy.ForWarehouse(state, w, i, day);
        if (position >= plan.ReorderPoint) return;
        var item = state.Items[i];
        var target = ReplenishmentPolicy.WarehouseTarget(state, w, i, plan);
        var arrival = plan.Arrival;
        var (quantity, uom, eaches) = OrderUnits(item, target - position);
        if (!documents.TryGetValue(item.Category.Name, out var document))
        {
            var happened = state.TryAt(day, Window.Erp, out var at);
            document = new Document(state.NextAsn(), at, happened);
            documents[item.Category.Name] = document;
        }
        if (!document.Happened) return;

        var site = state.Sites[w];
        state.Inbound[w, i] += eaches;
        state.Emit(document.At, Sources.Erp, EventType.AsnCreated, w, i, quantity, uom, new EventInput
        {
            Reference = document.Reference,
            Eta = state.Calendar.Local(arrival, 8 * 3600),
        });
        var random = state.Random;
        var (due, kind) = Det.Chance(random, CancelChance)
            ? (ReplenishmentPolicy.NextReceivingDay(state, site, day + 1), ArrivalKind.AsnCancelled)
            : (Det.Chance(random, LateChance) ? ReplenishmentPolicy.NextReceivingDay(state, site, arrival + 1) : arrival, ArrivalKind.Receipt);
        if (state.InHistory(due)) state.Arrivals[due].Add(new Arrival(kind, w, i, eaches, quantity, uom, document.Reference));
    }

    static (int Quantity, string Uom, int Eaches) OrderUnits(CatalogueItem item, double eaches)
    {
        var cases = Math.Max(1, (int)Math.Ceiling(eaches / item.Case));
        if (item.Pallet > 0 && cases * item.Case >= item.Pallet)
        {
            var pallets = Math.Max(1, (int)Math.Round((double)cases * item.Case / item.Pallet, MidpointRounding.AwayFromZero));
            return (pallets, "pallet", pallets * item.Pallet);
        }
        return (cases, "case", cases * item.Case);
    }
}
