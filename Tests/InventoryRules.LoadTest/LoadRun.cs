using System.Diagnostics;

namespace InventoryRules.LoadTest;

/// <summary>
/// The load phase: <c>--clients</c> closed-loop clients (each sends its next request when the previous
/// one is answered) for warm-up + duration, bounded by <c>--max-requests</c>. Each client writes its own
/// warm-up and measured <see cref="ClientStats"/>; they are merged only after every client has stopped.
/// </summary>
sealed class LoadRun(LoadOptions options, IScenario scenario, StockCatalogue stock, StopSignals signals, string runId)
{
    /// <summary>After a request got no answer at all, wait a little: a dead service should not turn the tool into a busy loop.</summary>
    static readonly TimeSpan ErrorPause = TimeSpan.FromMilliseconds(50);

    public async Task<RunSummary> ExecuteAsync()
    {
        var n = options.Clients;
        var warmup = new ClientStats[n];
        var measured = new ClientStats[n];
        var budget = new RequestBudget(options.MaxRequests);
        var start = Stopwatch.GetTimestamp();
        var warmupEnd = start + options.WarmupSeconds * Stopwatch.Frequency;
        signals.BeginLoad(TimeSpan.FromSeconds(options.WarmupSeconds + options.DurationSeconds));

        var clients = new Task[n];
        for (var i = 0; i < n; i++)
        {
            var orders = new OrderGenerator(stock, options, runId, i);
            var (w, m) = (warmup[i] = new ClientStats(), measured[i] = new ClientStats());
            clients[i] = Task.Run(() => ClientLoopAsync(orders, w, m, warmupEnd, budget));
        }
        var all = Task.WhenAll(clients);
        await ProgressReporter.RunUntilAsync(all, warmup, measured, start, warmupEnd);
        await all;

        var stoppedBy = budget.Exhausted ? "max-requests"
            : signals.Hard.IsCancellationRequested && !signals.Interrupted ? "time bound (warm-up + duration + 30 s)"
            : signals.Interrupted ? "interrupted"
            : "duration";
        return RunSummary.Create(warmup, measured, warmupEnd, stoppedBy);
    }

    async Task ClientLoopAsync(OrderGenerator orders, ClientStats warmup, ClientStats measured, long warmupEnd, RequestBudget budget)
    {
        var stop = signals.Stop;
        var hard = signals.Hard;
        while (!stop.IsCancellationRequested && !hard.IsCancellationRequested && budget.TryTake())
        {
            // A request belongs to the phase in which it starts.
            var stats = Stopwatch.GetTimestamp() >= warmupEnd ? measured : warmup;
            stats.Started();
            try
            {
                await scenario.RunOnceAsync(orders, stats, hard);
            }
            catch (OperationCanceledException) when (hard.IsCancellationRequested)
            {
                stats.Errors.Increment("aborted in flight");
                break;
            }
            catch (Exception e)
            {
                stats.Failed(e, Stopwatch.GetTimestamp());
                try
                {
                    await Task.Delay(ErrorPause, hard);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}
