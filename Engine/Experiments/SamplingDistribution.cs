namespace InventoryRules.Engine.Experiments;

/// <summary>
/// The reference distribution of a difference over its standard error: normal when there are many orders
/// (the central limit theorem makes the mean of per-order values close to normal, whatever their own shape),
/// Student's t with the given degrees of freedom when there are few, where the estimated standard error
/// itself is uncertain and the normal would give intervals too narrow.
/// </summary>
internal readonly record struct SamplingDistribution(double? DegreesOfFreedom)
{
    /// <summary>Below this many orders (per arm) the t distribution is used.</summary>
    public const int SmallSample = 30;

    public static SamplingDistribution Normal => new(null);

    public static SamplingDistribution StudentT(double degreesOfFreedom) => new(degreesOfFreedom);

    public bool IsNormal => DegreesOfFreedom is null;

    /// <summary>The multiplier of the standard error for a two-sided interval at <paramref name="level"/>.</summary>
    public double Critical(double level)
    {
        var p = 1 - (1 - level) / 2;
        return DegreesOfFreedom is { } df ? MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, p) : MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);
    }

    /// <summary>Two-sided p-value of a statistic.</summary>
    public double TwoSidedP(double statistic)
    {
        // The lower tail at −|statistic| keeps precision where 1 − CDF would round to zero.
        var tail = DegreesOfFreedom is { } df
            ? MathNet.Numerics.Distributions.StudentT.CDF(0, 1, df, -Math.Abs(statistic))
            : MathNet.Numerics.Distributions.Normal.CDF(0, 1, -Math.Abs(statistic));
        return Math.Clamp(2 * tail, 0, 1);
    }
}
