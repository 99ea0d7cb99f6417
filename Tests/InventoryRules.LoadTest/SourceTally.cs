namespace InventoryRules.LoadTest;

/// <summary>
/// What source mode counts beyond latency, per client: units asked for against units allocated, and the
/// follow-up release/confirm calls (outside the source latency, each by status).
/// </summary>
sealed class SourceTally
{
    public long Orders;
    public long UnitsRequested;
    public decimal UnitsAllocated;
    public decimal UnitsBackordered;
    /// <summary>Units of substitute SKUs (they carry reservations of their own).</summary>
    public decimal UnitsSubstituted;
    public long Reservations;
    /// <summary>Allocations that came without a reservation id: nothing to release or confirm.</summary>
    public long AllocationsWithoutReservation;
    /// <summary>2xx answers whose body could not be read as a decision.</summary>
    public long UnreadableDecisions;
    public Dictionary<int, long> Released { get; } = [];
    public Dictionary<int, long> Confirmed { get; } = [];
    public Dictionary<string, long> FollowUpErrors { get; } = [];

    public void Merge(SourceTally other)
    {
        Orders += other.Orders;
        UnitsRequested += other.UnitsRequested;
        UnitsAllocated += other.UnitsAllocated;
        UnitsBackordered += other.UnitsBackordered;
        UnitsSubstituted += other.UnitsSubstituted;
        Reservations += other.Reservations;
        AllocationsWithoutReservation += other.AllocationsWithoutReservation;
        UnreadableDecisions += other.UnreadableDecisions;
        foreach (var (k, n) in other.Released) Released.Increment(k, n);
        foreach (var (k, n) in other.Confirmed) Confirmed.Increment(k, n);
        foreach (var (k, n) in other.FollowUpErrors) FollowUpErrors.Increment(k, n);
    }
}
