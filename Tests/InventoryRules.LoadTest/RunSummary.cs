using System.Diagnostics;

namespace InventoryRules.LoadTest;

/// <summary>The measured phase, all clients merged. Warm-up requests are only counted, never in the figures.</summary>
sealed record RunSummary
{
    public long WarmupRequests { get; init; }
    /// <summary>Measured decision requests started (answered or not).</summary>
    public long Requests { get; init; }
    public long Ok { get; init; }
    /// <summary>From the end of the warm-up to the last measured answer.</summary>
    public double Seconds { get; init; }
    public double RequestsPerSecond { get; init; }
    public double OkPerSecond { get; init; }
    /// <summary>Over 2xx answers only.</summary>
    public LatencySummary? Latency { get; init; }
    /// <summary>Over non-2xx answers, when there were any.</summary>
    public LatencySummary? FailedLatency { get; init; }
    public required SortedDictionary<int, long> Statuses { get; init; }
    public required SortedDictionary<string, long> Errors { get; init; }
    public required SourceTally Source { get; init; }
    public required string StoppedBy { get; init; }

    public static RunSummary Create(ClientStats[] warmup, ClientStats[] measured, long warmupEnd, string stoppedBy)
    {
        var lastEnd = measured.Max(s => s.LastEnd);
        var seconds = lastEnd > warmupEnd ? Stopwatch.GetElapsedTime(warmupEnd, lastEnd).TotalSeconds : 0;
        var statuses = Counts.Merge(measured.Select(s => s.Statuses));
        var requests = measured.Sum(s => s.Attempts);
        var ok = statuses.Where(kv => kv.Key is >= 200 and < 300).Sum(kv => kv.Value);
        var source = new SourceTally();
        foreach (var s in measured) source.Merge(s.Source);
        return new RunSummary
        {
            WarmupRequests = warmup.Sum(s => s.Attempts),
            Requests = requests,
            Ok = ok,
            Seconds = Math.Round(seconds, 3),
            RequestsPerSecond = seconds > 0 ? Math.Round(requests / seconds, 1) : 0,
            OkPerSecond = seconds > 0 ? Math.Round(ok / seconds, 1) : 0,
            Latency = LatencySummary.From(measured.Select(s => s.OkTicks)),
            FailedLatency = LatencySummary.From(measured.Select(s => s.FailedTicks)),
            Statuses = statuses,
            Errors = Counts.Merge(measured.Select(s => s.Errors)),
            Source = source,
            StoppedBy = stoppedBy,
        };
    }
}
