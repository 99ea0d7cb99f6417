using System.Diagnostics;
using System.Globalization;

namespace InventoryRules.LoadTest;

/// <summary>A line on stderr every 5 s while the clients run: so a stalled or failing run shows at once.</summary>
static class ProgressReporter
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    public static async Task RunUntilAsync(Task clients, ClientStats[] warmup, ClientStats[] measured, long start, long warmupEnd)
    {
        using var timer = new PeriodicTimer(Every);
        long previous = 0;
        var previousAt = start;
        while (true)
        {
            var tick = timer.WaitForNextTickAsync().AsTask();
            if (await Task.WhenAny(clients, tick) == clients) return;

            var now = Stopwatch.GetTimestamp();
            long requests = 0, failures = 0;
            foreach (var s in warmup.Concat(measured))
            {
                requests += s.Attempts;
                failures += s.Failures;
            }
            var rate = (requests - previous) / Stopwatch.GetElapsedTime(previousAt, now).TotalSeconds;
            var phase = now < warmupEnd ? "warm-up  " : "measuring";
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{Stopwatch.GetElapsedTime(start, now).TotalSeconds,4:F0} s] {phase} {requests,10:N0} requests, {rate,8:N0} req/s now, {failures:N0} non-2xx or failed"));
            previous = requests;
            previousAt = now;
        }
    }
}
