namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of the stock of one item at one node, as <c>position</c>. Eaches.</summary>
public sealed class PositionInput
{
    public long OnHand { get; set; }
    public long Committed { get; set; }
    public long Held { get; set; }
    public long Damaged { get; set; }
    public long Quarantined { get; set; }
    /// <summary>Open supply on its way to the node.</summary>
    public long InTransit { get; set; }
    /// <summary>On-hand less committed, never below zero (before holds and safety stock).</summary>
    public long Available { get; set; }
    /// <summary>Average units sold or shipped per day over the recent window.</summary>
    public double BurnRate { get; set; }
    /// <summary>Available divided by burn rate; a large number when nothing moves.</summary>
    public double DaysOfSupply { get; set; }
    /// <summary>Days of shelf life the oldest sellable lot has left; 0 when unknown or not perishable.</summary>
    public int RemainingShelfLifeDays { get; set; }
    public bool Quarantine { get; set; }
}
