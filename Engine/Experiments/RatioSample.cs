namespace InventoryRules.Engine.Experiments;

/// <summary>
/// A ratio of sums R = Σx / Σy over n orders, with each order's linearised contribution
/// e_i = (x_i − R·y_i) / ȳ (the delta method): the variance of R is about var(e) / n, and for y ≡ 1 the
/// e_i are just the centred values, so a mean is the special case of a ratio.
/// </summary>
internal sealed class RatioSample
{
    RatioSample(int n, double sumX, double sumY, long counted, bool constantDenominator, double[] residuals)
    {
        N = n;
        SumX = sumX;
        SumY = sumY;
        Counted = counted;
        ConstantDenominator = constantDenominator;
        Residuals = residuals;
    }

    public int N { get; }

    public double SumX { get; }

    public double SumY { get; }

    /// <summary>Orders whose denominator is above zero: the ones the metric is about.</summary>
    public long Counted { get; }

    /// <summary>Every counted order weighs the same (a mean or a proportion), so no delta method is needed to say it.</summary>
    public bool ConstantDenominator { get; }

    public double[] Residuals { get; }

    public bool HasData => SumY > 0;

    public double Ratio => SumX / SumY;

    /// <summary>Standard error of the ratio: sqrt(Σe² / (n(n − 1))); the residuals sum to zero by construction.</summary>
    public double StandardError => N < 2 ? double.NaN : Math.Sqrt(Residuals.Sum(e => e * e) / ((double)N * (N - 1)));

    public static RatioSample Of(IReadOnlyList<OrderOutcome> orders, ExperimentMetric metric)
    {
        var n = orders.Count;
        var x = new double[n];
        var y = new double[n];
        double sumX = 0, sumY = 0;
        long counted = 0;
        var constant = true;
        for (var i = 0; i < n; i++)
        {
            x[i] = metric.Numerator(orders[i]);
            y[i] = metric.Denominator(orders[i]);
            sumX += x[i];
            sumY += y[i];
            if (y[i] > 0) counted++;
            constant &= y[i] == 1;
        }
        var residuals = new double[n];
        if (sumY > 0)
        {
            var ratio = sumX / sumY;
            var meanY = sumY / n;
            for (var i = 0; i < n; i++) residuals[i] = (x[i] - ratio * y[i]) / meanY;
        }
        return new RatioSample(n, sumX, sumY, counted, constant, residuals);
    }
}
