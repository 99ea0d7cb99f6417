namespace InventoryRules.LoadTest;

/// <summary>The --max-requests bound, shared by all clients: one interlocked decrement per request, no lock.</summary>
sealed class RequestBudget(long max)
{
    long remaining = max;

    public bool TryTake() => Interlocked.Decrement(ref remaining) >= 0;

    public bool Exhausted => Volatile.Read(ref remaining) < 0;
}
