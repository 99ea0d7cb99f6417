namespace InventoryRules.Engine.Experiments;

/// <summary>
/// Per-arm estimates and variant-against-control comparisons for every metric, at 95% confidence.
/// Replay is a paired design: each logged order is decided under both arms, so the comparison works on
/// per-order differences, which removes the order-to-order variation both arms share (a big order is big
/// under both) and gives much narrower intervals than comparing two groups. Live traffic is an independent
/// design: each order saw one arm, so the two arms' variances add (Welch), and rates of orders are compared
/// as two proportions.
/// </summary>
public static class ExperimentStatistics
{
    public const double ConfidenceLevel = 0.95;

    /// <summary>The same orders under both arms, index by index (control[i] and variant[i] are one order).</summary>
    public static ExperimentAnalysis Paired(IReadOnlyList<OrderOutcome> control, IReadOnlyList<OrderOutcome> variant)
    {
        if (control.Count != variant.Count) throw new ArgumentException("a paired design has one control and one variant outcome per order");
        var n = control.Count;
        var controlEstimates = new Dictionary<string, MetricEstimate>(StringComparer.Ordinal);
        var variantEstimates = new Dictionary<string, MetricEstimate>(StringComparer.Ordinal);
        var comparisons = new List<MetricComparison>();
        var distribution = n < SamplingDistribution.SmallSample ? SamplingDistribution.StudentT(Math.Max(1, n - 1)) : SamplingDistribution.Normal;
        foreach (var metric in ExperimentMetrics.All)
        {
            var a = RatioSample.Of(control, metric);
            var b = RatioSample.Of(variant, metric);
            controlEstimates[metric.Key] = Estimate(a, distribution);
            variantEstimates[metric.Key] = Estimate(b, distribution);
            var test = $"paired {(distribution.IsNormal ? "z" : "t")}-test on per-order differences"
                + (a.ConstantDenominator && b.ConstantDenominator ? "" : " (delta method for the ratio)");
            if (!a.HasData || !b.HasData)
            {
                comparisons.Add(NoData(metric, a, b, test, ComparisonSummary.NoData(metric, a.N, b.N)));
                continue;
            }
            // d_i: the order's contribution to (variant ratio − control ratio); for a mean, its centred paired difference.
            var differences = new double[n];
            for (var i = 0; i < n; i++) differences[i] = b.Residuals[i] - a.Residuals[i];
            var standardError = n < 2 ? double.NaN : Math.Sqrt(differences.Sum(d => d * d) / ((double)n * (n - 1)));
            comparisons.Add(Compare(metric, a.Ratio, b.Ratio, standardError, distribution, test));
        }
        return new ExperimentAnalysis(ExperimentAnalysis.Paired, ConfidenceLevel, n, n, controlEstimates, variantEstimates, comparisons);
    }

    /// <summary>Different orders per arm (live traffic).</summary>
    public static ExperimentAnalysis Independent(IReadOnlyList<OrderOutcome> control, IReadOnlyList<OrderOutcome> variant)
    {
        var controlEstimates = new Dictionary<string, MetricEstimate>(StringComparer.Ordinal);
        var variantEstimates = new Dictionary<string, MetricEstimate>(StringComparer.Ordinal);
        var comparisons = new List<MetricComparison>();
        foreach (var metric in ExperimentMetrics.All)
        {
            var a = RatioSample.Of(control, metric);
            var b = RatioSample.Of(variant, metric);
            controlEstimates[metric.Key] = Estimate(a, ArmDistribution(a.N));
            variantEstimates[metric.Key] = Estimate(b, ArmDistribution(b.N));
            if (metric.Binary)
            {
                var test = "two-proportion z-test";
                comparisons.Add(!a.HasData || !b.HasData ? NoData(metric, a, b, test, ComparisonSummary.NoData(metric, a.N, b.N)) : TwoProportions(metric, a, b, test));
                continue;
            }
            var small = Math.Min(a.N, b.N) < SamplingDistribution.SmallSample;
            var welch = $"Welch {(small ? "t" : "z")}-test" + (a.ConstantDenominator && b.ConstantDenominator ? "" : " (delta method for the ratio)");
            if (!a.HasData || !b.HasData)
            {
                comparisons.Add(NoData(metric, a, b, welch, ComparisonSummary.NoData(metric, a.N, b.N)));
                continue;
            }
            var (varianceA, varianceB) = (Square(a.StandardError), Square(b.StandardError));
            var standardError = Math.Sqrt(varianceA + varianceB);
            var distribution = small && double.IsFinite(standardError) && standardError > 0
                ? SamplingDistribution.StudentT(WelchDegreesOfFreedom(varianceA, a.N, varianceB, b.N))
                : SamplingDistribution.Normal;
            comparisons.Add(Compare(metric, a.Ratio, b.Ratio, standardError, distribution, welch));
        }
        return new ExperimentAnalysis(ExperimentAnalysis.Independent, ConfidenceLevel, control.Count, variant.Count, controlEstimates,
            variantEstimates, comparisons);
    }

    /// <summary>
    /// Rates of orders (share fully filled, split, backordered, on time): the interval from each arm's own
    /// variance, the p-value from the pooled proportion (under "no difference" both arms share one rate).
    /// </summary>
    static MetricComparison TwoProportions(ExperimentMetric metric, RatioSample a, RatioSample b, string test)
    {
        var (pa, pb) = (a.Ratio, b.Ratio);
        var (ma, mb) = (a.SumY, b.SumY);
        var difference = pb - pa;
        var critical = SamplingDistribution.Normal.Critical(ConfidenceLevel);
        var unpooled = Math.Sqrt(pa * (1 - pa) / ma + pb * (1 - pb) / mb);
        var pooled = (a.SumX + b.SumX) / (ma + mb);
        var nullError = Math.Sqrt(pooled * (1 - pooled) * (1 / ma + 1 / mb));
        var p = nullError > 0 ? SamplingDistribution.Normal.TwoSidedP(difference / nullError) : difference == 0 ? 1 : 0;
        return Finish(metric, pa, pb, difference, difference - critical * unpooled, difference + critical * unpooled, p, test);
    }

    static MetricComparison Compare(ExperimentMetric metric, double control, double variant, double standardError,
        SamplingDistribution distribution, string test)
    {
        var difference = variant - control;
        if (!double.IsFinite(standardError))
        {
            return new MetricComparison(metric.Key, metric.Label, metric.Unit, metric.HigherIsBetter, control, variant, difference, null, null,
                null, false, test, ComparisonSummary.TooFew(metric));
        }
        var critical = distribution.Critical(ConfidenceLevel);
        // Every order moved by the same amount (or not at all): no spread, so the difference is certain.
        var p = standardError > 0 ? distribution.TwoSidedP(difference / standardError) : difference == 0 ? 1 : 0;
        return Finish(metric, control, variant, difference, difference - critical * standardError, difference + critical * standardError, p, test);
    }

    static MetricComparison Finish(ExperimentMetric metric, double control, double variant, double difference, double low, double high,
        double p, string test)
    {
        var significant = p < 1 - ConfidenceLevel;
        return new MetricComparison(metric.Key, metric.Label, metric.Unit, metric.HigherIsBetter, control, variant, difference, low, high, p,
            significant, test, ComparisonSummary.Of(metric, difference, low, high, significant));
    }

    static MetricComparison NoData(ExperimentMetric metric, RatioSample a, RatioSample b, string test, string summary) =>
        new(metric.Key, metric.Label, metric.Unit, metric.HigherIsBetter, a.HasData ? a.Ratio : null, b.HasData ? b.Ratio : null, null, null,
            null, null, false, test, summary);

    static MetricEstimate Estimate(RatioSample sample, SamplingDistribution distribution)
    {
        if (!sample.HasData) return MetricEstimate.None(sample.Counted);
        var value = sample.Ratio;
        var error = sample.StandardError;
        if (!double.IsFinite(error)) return new MetricEstimate(value, null, null, sample.Counted);
        var half = distribution.Critical(ConfidenceLevel) * error;
        return new MetricEstimate(value, value - half, value + half, sample.Counted);
    }

    static SamplingDistribution ArmDistribution(int n) =>
        n < SamplingDistribution.SmallSample ? SamplingDistribution.StudentT(Math.Max(1, n - 1)) : SamplingDistribution.Normal;

    /// <summary>Welch–Satterthwaite: the t distribution that best matches a sum of two unequal variances.</summary>
    static double WelchDegreesOfFreedom(double varianceA, int na, double varianceB, int nb)
    {
        var numerator = Square(varianceA + varianceB);
        var denominator = (na > 1 ? Square(varianceA) / (na - 1) : 0) + (nb > 1 ? Square(varianceB) / (nb - 1) : 0);
        return denominator > 0 ? numerator / denominator : Math.Max(1, na + nb - 2);
    }

    static double Square(double x) => x * x;
}
