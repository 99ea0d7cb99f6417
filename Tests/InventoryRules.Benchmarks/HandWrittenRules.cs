using InventoryRules.Rules.Inputs;

namespace InventoryRules.Benchmarks;

/// <summary>
/// The sample rule sets' expressions written by hand in C#, in document order, summed the way the
/// compiled benchmark sums them (1 per true condition or eligibility, plus every score): the floor
/// that compiled delegates are measured against.
/// </summary>
static class HandWrittenRules
{
    public static Func<RuleInputs, double> For(string ruleSet) => ruleSet switch
    {
        "ecommerce" => Ecommerce,
        "vip" => Vip,
        _ => throw new ArgumentOutOfRangeException(nameof(ruleSet), $"no hand-written version of {ruleSet}"),
    };

    // Rules without a condition count 1 (their condition "holds").
    static double Ecommerce(RuleInputs x)
    {
        var total = 0.0;
        total += 1 + (x.Node.Country == x.Order.ShipToCountry ? 1 : 0);   // ne-domestic
        total += 1;                                                        // ne-ship-from-store
        total += 1;                                                        // ne-stores-no-hazmat
        total += 1 + (x.Node.CapacityLeft > 0 ? 1 : 0);                   // ne-capacity-left
        total += Contains(x.Node.Capabilities, "ship_from_store") ? 1 : 0; // ss-store-shelf-protection
        total += 1;                                                        // ss-dc-dark-store
        total += x.Order.RequestedInDays == 1 ? 1 : 0;                     // route-next-day
        total += 1 + (x.Node.Type == "store" ? 1.5 : 0);                   // route-cost-cutoff
        total += 1;                                                        // split-two-parcels
        total += 1;                                                        // peak-relax-split
        total += x.Item.Perishable ? 1 : 0;                                // bo-fresh-reject
        total += 1;                                                        // bo-substitute-staples
        total += 1;                                                        // bo-default
        return total;
    }

    static double Vip(RuleInputs x)
    {
        var total = 0.0;
        total += x.Context.BurnRateRatio >= 1.5 || x.Position.DaysOfSupply < 5 ? 1 : 0;   // vip-hold-a-items-spike
        total += x.Item.VelocityClass != "C" ? 1 : 0;                                      // vip-hold-electronics-dcs
        total += 1 + (x.Node.Country == x.Order.ShipToCountry ? 1 : 0);                     // ne-vip-domestic
        var c = x.Customer;                                                                // prio-contract-tier
        total += 1 + c.ContractPriority * 100
            + (c.Tier == "platinum" ? 60 : c.Tier == "gold" ? 40 : c.Tier == "silver" ? 20 : 0) + (c.Strategic ? 30 : 0);
        total += (double)x.Line.Margin + x.Order.RequestedInDays + (double)x.Order.Value;
        total += 5;                                                                        // routing, split, peak, two backorders
        return total;
    }

    static bool Contains(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value) return true;
        }
        return false;
    }
}
