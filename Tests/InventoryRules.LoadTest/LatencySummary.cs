using System.Diagnostics;

namespace InventoryRules.LoadTest;

/// <summary>Latency percentiles in milliseconds, nearest-rank over every recorded request (no sampling, no histogram buckets).</summary>
sealed record LatencySummary(long Count, double MeanMs, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public static LatencySummary? From(IEnumerable<List<long>> perClient)
    {
        var all = perClient.SelectMany(t => t).ToArray();
        if (all.Length == 0) return null;
        Array.Sort(all);
        return new LatencySummary(all.Length, Ms(all.Average()), Ms(Rank(all, 0.50)), Ms(Rank(all, 0.90)), Ms(Rank(all, 0.99)),
            Ms(Rank(all, 0.999)), Ms(all[^1]));
    }

    /// <summary>The smallest value with at least fraction <paramref name="p"/> of the values at or below it.</summary>
    static long Rank(long[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    static double Ms(double ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 3);
}
