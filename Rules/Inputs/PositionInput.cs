namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of the stock of one item at one node, as <c>position</c>. Eaches.</summary>
public sealed class PositionInput
{
    public long OnHand { get; init; }
    public long Committed { get; init; }
    public long Held { get; init; }
    public long Damaged { get; init; }
    public long Quarantined { get; init; }
    /// <summary>Open supply on its way to the node.</summary>
    public long InTransit { get; init; }
    /// <summary>On-hand less committed, never below zero (before holds and safety stock).</summary>
    public long Available { get; init; }
    /// <summary>Average units sold or shipped per day over the recent window.</summary>
    public double BurnRate { get; init; }
    /// <summary>Available divided by burn rate; a large number when nothing moves.</summary>
    public double DaysOfSupply { get; init; }
    /// <summary>Days of shelf life the oldest sellable lot has left; 0 when unknown or not perishable.</summary>
    public int RemainingShelfLifeDays { get; init; }
    public bool Quarantine { get; init; }
}
