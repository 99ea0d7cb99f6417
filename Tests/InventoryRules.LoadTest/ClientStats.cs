using System.Net;
using System.Net.Http;

namespace InventoryRules.LoadTest;

/// <summary>
/// One client's record of one phase (warm-up or measured). Written only by its client, so the hot loop
/// takes no lock; the progress reporter reads the two counters with volatile reads, and the rest is
/// merged after every client has finished.
/// </summary>
sealed class ClientStats
{
    long attempts;
    long failures;

    /// <summary>Latencies of 2xx answers, in Stopwatch ticks.</summary>
    public List<long> OkTicks { get; } = new(1024);
    /// <summary>Latencies of non-2xx answers: kept apart so that fast refusals do not flatter the percentiles.</summary>
    public List<long> FailedTicks { get; } = [];
    public Dictionary<int, long> Statuses { get; } = [];
    /// <summary>Requests that got no HTTP answer: connection refused, timeout, ...</summary>
    public Dictionary<string, long> Errors { get; } = [];
    public SourceTally Source { get; } = new();
    /// <summary>Stopwatch timestamp of this client's last answer or error in the phase.</summary>
    public long LastEnd { get; private set; }

    public long Attempts => Volatile.Read(ref attempts);
    /// <summary>Non-2xx answers plus errors, for the progress line.</summary>
    public long Failures => Volatile.Read(ref failures);

    public void Started() => Volatile.Write(ref attempts, attempts + 1);

    public void Answered(HttpStatusCode status, long start, long end)
    {
        var code = (int)status;
        Statuses.Increment(code);
        if (code is >= 200 and < 300)
        {
            OkTicks.Add(end - start);
        }
        else
        {
            FailedTicks.Add(end - start);
            Volatile.Write(ref failures, failures + 1);
        }
        LastEnd = end;
    }

    public void Failed(Exception error, long end)
    {
        Errors.Increment(Describe(error));
        Volatile.Write(ref failures, failures + 1);
        LastEnd = end;
    }

    /// <summary>A short stable name for a failure: the HttpRequestError ("ConnectionError") or the exception type.</summary>
    public static string Describe(Exception error) => error switch
    {
        TaskCanceledException { InnerException: TimeoutException } => "timeout",
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } h => h.HttpRequestError.ToString(),
        _ => error.GetType().Name,
    };
}
