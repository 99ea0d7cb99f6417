using System.Runtime.CompilerServices;
using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// The planner's order-up-to policy, for stores (from their DC) and DCs (from suppliers): when stock
/// plus inbound would not last until the next delivery after this one, order up to that point plus a
/// few days of cover. Forecasts include the weekly pattern and the promotion peak, so stock is built
/// before the peak rather than after the shelves empty. Fresh lines get short cover: they expire.
/// </summary>
internal static class ReplenishmentPolicy
{
    public static bool DcDispatches(DayOfWeek day) => day != DayOfWeek.Sunday;

    public static bool Receives(Site site, DayOfWeek day) =>
        site.Type == NodeType.ThirdPartyLogistics ? day is not (DayOfWeek.Saturday or DayOfWeek.Sunday) : day != DayOfWeek.Sunday;

    /// <summary>Supplier orders are placed on weekdays, and on Saturdays for fresh lines.</summary>
    public static bool Reviews(CatalogueItem item, Site site, DayOfWeek day) =>
        day != DayOfWeek.Sunday && (day != DayOfWeek.Saturday || (item.Perishable && site.Type == NodeType.Dc));

    public static int LeadDays(CatalogueItem item, Site site) =>
        item.Category.SupplierLeadDays + (site.Bonded ? 2 : 0);

    /// <summary>A line's reorder point (eaches) on a dispatch or review day, and when this and the next order would arrive.</summary>
    public readonly record struct Plan(int Day, double ReorderPoint, int Arrival, int NextArrival);

    // Promotion stock comes in several deliveries rather than one: an order-up-to level is at most this
    // many times the usual one (but always at least the reorder point). Receipts ten times the usual
    // size would also read as movement spikes to the anomaly scan.
    const double PromotionBuildUp = 1.5;

    /// <summary>Reorder point of a store or dark-store line on a dispatch day: demand until the next delivery after this one, plus safety.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Plan ForStore(SimulationState state, int s, int i, int day)
    {
        var site = state.Sites[s];
        var transit = state.Supplier[s, i] == state.Home[s] ? 1 : 2;
        var arrival = NextTradingDay(state, site, day + transit);
        var nextDispatch = day + 1 + (state.Calendar.Weekday(day + 1) == DayOfWeek.Sunday ? 1 : 0);
        var nextArrival = NextTradingDay(state, site, nextDispatch + transit);
        var need = state.ExpectedOutflow(s, i, day + 1, nextArrival - 1);
        var safety = state.Items[i].Perishable ? 0.5 + (0.5 * Math.Sqrt(need)) : 1 + Math.Sqrt(need);
        return new Plan(day, need + safety, arrival, nextArrival);
    }

    /// <summary>Order-up-to level of a store line: the reorder point plus the line's days of cover.</summary>
    public static double StoreTarget(SimulationState state, int s, int i, Plan plan)
    {
        var last = plan.NextArrival + StoreCoverDays(state.Items[i]) - 1;
        var target = plan.ReorderPoint + state.ExpectedOutflow(s, i, plan.NextArrival, last);
        var usual = PromotionBuildUp * state.UsualOutflow(s, i, plan.Day + 1, last);
        return Math.Min(target, Math.Max(plan.ReorderPoint, usual));
    }

    /// <summary>Reorder point of a DC or 3PL line on a review day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Plan ForWarehouse(SimulationState state, int w, int i, int day)
    {
        var site = state.Sites[w];
        var item = state.Items[i];
        var lead = LeadDays(item, site);
        var arrival = NextReceivingDay(state, site, day + lead);
        var nextReview = day + 1;
        while (!Reviews(item, site, state.Calendar.Weekday(nextReview))) nextReview++;
        var nextArrival = NextReceivingDay(state, site, nextReview + lead);
        var need = state.ExpectedOutflow(w, i, day + 1, nextArrival);
        var daily = need / (nextArrival - day);
        var safety = (SafetyDays(item) * daily) + (2 * Math.Sqrt(need));
        return new Plan(day, need + safety, arrival, nextArrival);
    }

    /// <summary>Order-up-to level of a DC or 3PL line: the reorder point plus the line's days of cover.</summary>
    public static double WarehouseTarget(SimulationState state, int w, int i, Plan plan)
    {
        var last = plan.NextArrival + DcCoverDays(state.Items[i]);
        var target = plan.ReorderPoint + state.ExpectedOutflow(w, i, plan.NextArrival + 1, last);
        var usual = PromotionBuildUp * state.UsualOutflow(w, i, plan.Day + 1, last);
        return Math.Min(target, Math.Max(plan.ReorderPoint, usual));
    }

    public static int NextTradingDay(SimulationState state, Site site, int day)
    {
        while (!site.Trades(state.Calendar.Weekday(day))) day++;
        return day;
    }

    public static int NextReceivingDay(SimulationState state, Site site, int day)
    {
        while (!Receives(site, state.Calendar.Weekday(day))) day++;
        return day;
    }

    static int StoreCoverDays(CatalogueItem item) => item.Category.Name switch
    {
        "bakery" => 1,
        "produce" => 2,
        "dairy" => 3,
        "frozen" => 7,
        _ => item.Item.VelocityClass switch { VelocityClass.A => 5, VelocityClass.B => 10, _ => 21 },
    };

    static int DcCoverDays(CatalogueItem item) => item.Category.Name switch
    {
        "bakery" => 0,
        "produce" => 2,
        "dairy" => 4,
        "frozen" => 10,
        _ => item.Item.VelocityClass switch { VelocityClass.A => 7, VelocityClass.B => 10, _ => 21 },
    };

    static double SafetyDays(CatalogueItem item) =>
        item.Perishable ? 0.5 : item.Item.VelocityClass switch { VelocityClass.A => 2, VelocityClass.B => 3, _ => 4 };
}
