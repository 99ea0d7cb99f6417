using System.Runtime.InteropServices;

namespace InventoryRules.LoadTest;

/// <summary>
/// When to stop. <see cref="Stop"/>: start no new request (end of duration, or a first Ctrl-C/SIGTERM
/// during the load, which still lets in-flight requests finish and the report print). <see cref="Hard"/>:
/// abandon what is in flight (the outer time bound, or a second signal).
/// </summary>
sealed class StopSignals : IDisposable
{
    readonly CancellationTokenSource stop = new();
    readonly CancellationTokenSource hard = new();
    readonly PosixSignalRegistration interrupt;
    readonly PosixSignalRegistration terminate;
    volatile bool loading;
    volatile bool interrupted;

    public StopSignals(TimeSpan hardLimit)
    {
        hard.CancelAfter(hardLimit);
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Stop => stop.Token;
    public CancellationToken Hard => hard.Token;
    public bool Interrupted => interrupted;

    /// <summary>The load phase begins: it ends by itself after <paramref name="length"/>.</summary>
    public void BeginLoad(TimeSpan length)
    {
        loading = true;
        stop.CancelAfter(length);
    }

    void OnSignal(PosixSignalContext context)
    {
        // Handled here: the process ends by returning from Main, after the report.
        context.Cancel = true;
        interrupted = true;
        if (loading && !stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("Stopping: waiting for requests in flight, then reporting (again to abort).");
            stop.Cancel();
        }
        else
        {
            Console.Error.WriteLine("Aborting.");
            hard.Cancel();
        }
    }

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        stop.Dispose();
        hard.Dispose();
    }
}
