using InventoryRules.Engine;

namespace InventoryRules.Samples;

/// <summary>
/// Who carries what, and how fast it sells there. DCs range the whole catalogue (Frankfurt, having no
/// cold chain, leaves chilled and frozen lines to Hamburg); stores range a share of each velocity class
/// that grows with their size; dark stores range fast grocery and drugstore lines; the Leipzig 3PL
/// fulfils online orders for non-food lines; the bonded 3PL holds non-hazardous general merchandise
/// for export.
/// </summary>
internal static class Assortment
{
    /// <summary>Chance that a B2B order (cafes, offices, small shops) for an A line reaches a DC on a shipping day.</summary>
    public const double B2bChance = 0.02;

    /// <summary>B2B orders are 1 to 3 full cases.</summary>
    public const int B2bMinCases = 1, B2bMaxCases = 3;

    public static void Build(SimulationState state)
    {
        var random = state.Random;
        var fresh = state.SiteIndex(NetworkLayout.FreshHub);
        for (var s = 0; s < state.Sites.Length; s++)
        {
            var site = state.Sites[s];
            var home = state.Home[s];
            foreach (var item in state.Items)
            {
                var i = item.Index;
                var (carried, rate) = site.Type switch
                {
                    NodeType.Store => Store(random, site, item),
                    NodeType.DarkStore => DarkStore(random, item),
                    NodeType.ThirdPartyLogistics => site.Bonded ? Export(random, item) : Fulfilment(random, item),
                    _ => Warehouse(site, item),
                };
                if (!carried) continue;
                state.Rate[s, i] = rate;
                state.Range[s].Add(i);
                state.CountOffset[s, i] = random.Next(28);
                if (home >= 0) state.Supplier[s, i] = item.ColdChain && !state.Sites[home].HasCapability("cold_chain") ? fresh : home;
            }
        }
        AddDownstream(state);
    }

    static (bool, double) Warehouse(Site site, CatalogueItem item)
    {
        if (item.ColdChain && !site.HasCapability("cold_chain")) return (false, 0);
        // Switzerland is the smaller online market.
        var market = site.Node.Country == "CH" ? 0.5 : 1.0;
        return (true, item.StoreRate * item.Category.OnlineShare * market);
    }

    static (bool, double) Store(Random random, Site site, CatalogueItem item)
    {
        var share = item.Item.VelocityClass switch { VelocityClass.A => 0.23, VelocityClass.B => 0.09, _ => 0.025 };
        var rate = item.StoreRate * site.Size;
        var ranged = random.NextDouble() < share * site.Size * item.Category.StoreRange;
        // A planner ranges a fresh line only where a pack sells before it expires.
        if (item.Item.ShelfLifeDays is { } life && rate * (life - 1) < item.StorePack) ranged = false;
        return (ranged, rate);
    }

    static (bool, double) DarkStore(Random random, CatalogueItem item)
    {
        var share = item.Item.VelocityClass switch { VelocityClass.A => 0.45, VelocityClass.B => 0.12, _ => 0 };
        var rate = item.StoreRate * 0.45;
        var ranged = item.Category.DarkStoreRange && random.NextDouble() < share;
        if (item.Item.ShelfLifeDays is { } life && rate * (life - 1) < item.StorePack) ranged = false;
        return (ranged, rate);
    }

    static (bool, double) Export(Random random, CatalogueItem item)
    {
        var share = item.Item.VelocityClass switch { VelocityClass.A => 0.5, VelocityClass.B => 0.35, _ => 0.1 };
        var ranged = item.Category.ExportRange && !item.Item.Hazmat && random.NextDouble() < share;
        return (ranged, item.StoreRate * 0.12);
    }

    static (bool, double) Fulfilment(Random random, CatalogueItem item)
    {
        var share = item.Item.VelocityClass switch { VelocityClass.A => 0.6, VelocityClass.B => 0.4, _ => 0.15 };
        var ranged = item.Category.OnlineShare >= 0.2 && random.NextDouble() < share;
        return (ranged, item.StoreRate * item.Category.OnlineShare * 0.5);
    }

    static void AddDownstream(SimulationState state)
    {
        for (var s = 0; s < state.Sites.Length; s++)
        {
            if (state.Sites[s].HomeDc is null) continue;
            var average = SimulationState.WeekAverage(state.Sites[s]);
            foreach (var i in state.Range[s]) state.Downstream[state.Supplier[s, i], i] += state.Rate[s, i] * average;
        }
        for (var s = 0; s < state.Sites.Length; s++)
        {
            if (state.Sites[s].Type != NodeType.Dc) continue;
            var site = state.Sites[s];
            var shippingDays = Enum.GetValues<DayOfWeek>().Count(d => SimulationState.DayFactor(site, d) > 0) / 7.0;
            var meanCases = (B2bMinCases + B2bMaxCases) / 2.0;
            foreach (var i in state.Range[s])
            {
                if (state.Items[i].Item.VelocityClass == VelocityClass.A)
                {
                    state.Downstream[s, i] += B2bChance * meanCases * state.Items[i].Case * shippingDays;
                }
            }
        }
    }
}
