using System.Globalization;

namespace InventoryRules.Engine.Experiments;

/// <summary>
/// The sentence an analyst reads for a comparison, e.g. "Variant fills 2.1 points more units (95% CI 1.4
/// to 2.8), significant.". Shares are said in percentage points (a difference of rates, not a relative
/// change), money with two decimals. The interval is said in the direction of the words: for "fewer" it is
/// how many fewer.
/// </summary>
public static class ComparisonSummary
{
    public static string Of(ExperimentMetric metric, double difference, double low, double high, bool significant)
    {
        var verdict = significant ? "significant" : "not significant";
        var level = Level();
        if (Rounded(metric, difference) == 0)
        {
            return $"No difference in {metric.Label.ToLowerInvariant()}: {Amount(metric, 0)} (95% CI {Number(metric, low)} to {Number(metric, high)}), {verdict}.";
        }
        var more = difference > 0;
        var (from, to) = more ? (low, high) : (-high, -low);
        return $"Variant {metric.Verb} {Amount(metric, Math.Abs(difference))} {(more ? metric.MoreNoun : metric.FewerNoun)} "
            + $"({level} CI {Number(metric, from)} to {Number(metric, to)}), {verdict}.";
    }

    public static string NoData(ExperimentMetric metric, int controlOrders, int variantOrders)
    {
        var reason = controlOrders == 0 && variantOrders == 0 ? "there are no orders yet"
            : controlOrders == 0 ? "no order went to the control arm yet"
            : variantOrders == 0 ? "no order went to the variant arm yet"
            : metric.NoDataReason;
        return $"No data: {reason}, so {metric.Label.ToLowerInvariant()} cannot be compared.";
    }

    public static string TooFew(ExperimentMetric metric) =>
        $"Too few orders to test {metric.Label.ToLowerInvariant()}: at least two per arm are needed.";

    static string Level() => (ExperimentStatistics.ConfidenceLevel * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    static string Amount(ExperimentMetric metric, double value) =>
        metric.Unit == ExperimentMetric.Currency ? Number(metric, value) : $"{Number(metric, value)} points";

    static string Number(ExperimentMetric metric, double value)
    {
        var rounded = Rounded(metric, value);
        // Rounding a tiny negative gives −0, which would print as "-0.0".
        if (rounded == 0) rounded = 0;
        return rounded.ToString(metric.Unit == ExperimentMetric.Currency ? "0.00" : "0.0", CultureInfo.InvariantCulture);
    }

    static double Rounded(ExperimentMetric metric, double value) =>
        metric.Unit == ExperimentMetric.Currency ? Math.Round(value, 2) : Math.Round(value * 100, 1);
}
