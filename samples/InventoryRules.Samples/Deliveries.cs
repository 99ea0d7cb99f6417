using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// What arrives today: supplier deliveries at DCs (a receipt against the ASN reference; now and then
/// short, and the ERP then cancels the rest of the ASN line), transfers reaching stores (transfer_in
/// with the transfer's reference), and ASNs the supplier cancels outright.
/// </summary>
internal static class Deliveries
{
    const double ShortChance = 0.02;

    public static void Run(SimulationState state, int day)
    {
        foreach (var a in state.Arrivals[day])
        {
            switch (a.Kind)
            {
                case ArrivalKind.Receipt: Receive(state, a, day); break;
                case ArrivalKind.TransferIn: TransferIn(state, a, day); break;
                default: Cancel(state, a, day); break;
            }
        }
    }

    static void Receive(SimulationState state, Arrival a, int day)
    {
        if (!state.TryAt(day, Window.DcReceipt, out var at)) return;
        var item = state.Items[a.Item];
        var site = state.Sites[a.Site];
        var received = a.Quantity;
        if (a.Quantity >= 2 && Det.Chance(state.Random, ShortChance))
        {
            received -= Math.Max(1, (int)(a.Quantity * Det.Between(state.Random, 0.05, 0.2)));
        }
        var eaches = received * (a.Eaches / a.Quantity);
        state.Stock[a.Site, a.Item] += eaches;
        state.Inbound[a.Site, a.Item] -= a.Eaches;
        var details = new EventInput { Reference = a.Reference };
        if (item.Item.ShelfLifeDays is { } life)
        {
            var date = state.Calendar.Date(day);
            details = details with
            {
                Lot = $"L{date:yyMMdd}-{a.Reference["ASN-".Length..]}",
                Expiry = state.Calendar.LocalMidnightUtc(day + life),
            };
        }
        state.Emit(at, site.Wms!, EventType.Receipt, a.Site, a.Item, received, a.Uom, details);
        if (received < a.Quantity && state.TryAt(day, Window.ErpAfternoon, out var closed))
        {
            state.Emit(closed, Sources.Erp, EventType.AsnCancelled, a.Site, a.Item, a.Quantity - received, a.Uom,
                new EventInput { Reference = a.Reference, Reason = "short delivery: remainder cancelled" });
        }
    }

    static void TransferIn(SimulationState state, Arrival a, int day)
    {
        if (!state.TryAt(day, Window.StoreReceiving, out var at)) return;
        state.Stock[a.Site, a.Item] += a.Eaches;
        state.Inbound[a.Site, a.Item] -= a.Eaches;
        state.Emit(at, Sources.StoreScanner, EventType.TransferIn, a.Site, a.Item, a.Quantity, a.Uom,
            new EventInput { Reference = a.Reference });
    }

    static void Cancel(SimulationState state, Arrival a, int day)
    {
        if (!state.TryAt(day, Window.Erp, out var at)) return;
        state.Inbound[a.Site, a.Item] -= a.Eaches;
        state.Emit(at, Sources.Erp, EventType.AsnCancelled, a.Site, a.Item, a.Quantity, a.Uom,
            new EventInput { Reference = a.Reference, Reason = "supplier cancelled the shipment" });
    }
}
