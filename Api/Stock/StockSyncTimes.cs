namespace InventoryRules.Api.Stock;

/// <summary>Where a run's time went: reading the input, the pure evaluation, and diffing and writing the batches.</summary>
public sealed record StockSyncTimes(int Positions, TimeSpan Load, TimeSpan Evaluate, TimeSpan Write)
{
    public TimeSpan Total => Load + Evaluate + Write;
}
