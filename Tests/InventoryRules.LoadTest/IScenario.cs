namespace InventoryRules.LoadTest;

/// <summary>
/// One iteration of a client's loop: exactly one measured decision request (plus, for sourcing, the
/// unmeasured follow-ups). A request that gets no answer throws; the loop records it.
/// </summary>
interface IScenario
{
    /// <summary>The measured endpoint, for the report.</summary>
    string Endpoint { get; }

    Task RunOnceAsync(OrderGenerator orders, ClientStats stats, CancellationToken ct);
}
