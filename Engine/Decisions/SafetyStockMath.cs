using InventoryRules.Rules.Model;
using MathNet.Numerics.Distributions;

namespace InventoryRules.Engine.Decisions;

/// <summary>
/// Units a safety_stock rule keeps back at a position: fixed, days of supply at the burn rate, or the
/// textbook service-level formula z · sqrt(LT · σd² + d² · σLT²), then clamped to [min, max].
/// </summary>
public static class SafetyStockMath
{
    public const string Fixed = "fixed";
    public const string DaysOfSupply = "days_of_supply";
    public const string ServiceLevel = "service_level";

    /// <summary>z per service level: a rule set has a handful of levels, and the quantile is costly.</summary>
    static readonly System.Collections.Concurrent.ConcurrentDictionary<double, double> ZScores = new();

    public static long Units(SafetyStockRule rule, DemandStats demand, double segmentServiceLevel)
    {
        var raw = rule.Method switch
        {
            DaysOfSupply => (rule.Days ?? 0) * demand.BurnRate,
            ServiceLevel => ServiceLevelUnits(rule, demand, segmentServiceLevel),
            _ => rule.Quantity ?? 0,
        };
        var units = (long)Math.Ceiling(Math.Max(0, raw) - 1e-9);
        if (rule.Min is { } min) units = Math.Max(units, min);
        if (rule.Max is { } max) units = Math.Min(units, max);
        return Math.Max(0, units);
    }

    /// <summary>The units under a peak's safety-stock factor (none: unchanged), as decisions and the re-evaluation keep them.</summary>
    public static long WithPeak(long units, double? factor) => factor is { } f ? (long)Math.Ceiling(units * f) : units;

    /// <summary>The service level a rule uses: its own, else the segment's, kept where the quantile is finite.</summary>
    public static double Level(SafetyStockRule rule, double segmentServiceLevel) => Math.Clamp(rule.ServiceLevel ?? segmentServiceLevel, 0.5, 0.9999);

    public static double Z(double level) => ZScores.GetOrAdd(level, l => Normal.InvCDF(0, 1, l));

    /// <summary>Day-to-day deviation of demand; without a measured one, demand is taken as Poisson (variance equals the mean).</summary>
    public static double DemandDeviation(DemandStats demand) => demand.DailyStdDev > 0 ? demand.DailyStdDev : Math.Sqrt(demand.BurnRate);

    static double ServiceLevelUnits(SafetyStockRule rule, DemandStats demand, double segmentServiceLevel)
    {
        var z = Z(Level(rule, segmentServiceLevel));
        var leadTime = rule.LeadTimeDays ?? 1;
        var leadTimeDeviation = rule.LeadTimeStdDevDays ?? 0;
        var demandDeviation = DemandDeviation(demand);
        return z * Math.Sqrt(leadTime * demandDeviation * demandDeviation + demand.BurnRate * demand.BurnRate * leadTimeDeviation * leadTimeDeviation);
    }
}
