using System.Runtime.CompilerServices;
namespace InventoryRules.Samples;

/// <summary>
/// Random draws built on <see cref="Random"/> and plain IEEE arithmetic only. Math.Exp and friends may
/// differ in the last bit between CPUs and runtimes; +, -, *, / and Sqrt may not, so the same seed gives
/// the same bytes on x64 and ARM64.
/// </summary>
internal static class Det
{
    // 1/n! for n = 0..13: the Taylor series of e^x on [-0.5, 0.5] to below 1e-15.
    static readonly double[] InverseFactorials = [.. Enumerable.Range(0, 14).Select(n => 1.0 / Enumerable.Range(1, n).Aggregate(1.0, (f, k) => f * k))];

    /// <summary>e^x for x in [-745, 50].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Exp(double x)
    {
        var halvings = 0;
        while (Math.Abs(x) > 0.5)
        {
            x *= 0.5;
            halvings++;
        }
        var sum = InverseFactorials[^1];
        for (var n = InverseFactorials.Length - 2; n >= 0; n--) sum = (sum * x) + InverseFactorials[n];
        for (; halvings > 0; halvings--) sum *= sum;
        return sum;
    }

    /// <summary>A Poisson draw (Knuth), split in halves for large means so e^-mean never underflows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Poisson(Random random, double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 40)
        {
            var half = mean / 2;
            return Poisson(random, half) + Poisson(random, mean - half);
        }
        var limit = Exp(-mean);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }
        return k;
    }

    public static bool Chance(Random random, double probability) => random.NextDouble() < probability;

    public static double Between(Random random, double low, double high) => low + ((high - low) * random.NextDouble());

    public static T Pick<T>(Random random, IReadOnlyList<T> list) => list[random.Next(list.Count)];
}
