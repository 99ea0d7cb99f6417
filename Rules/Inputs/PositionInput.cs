using System.ComponentModel;

namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of the stock of one item at one node, as <c>position</c>. Eaches.</summary>
[Description("The stock of the item at the candidate node; quantities in eaches")]
public sealed class PositionInput
{
    [Description("Units on hand at the node, in eaches")]
    public long OnHand { get; set; }
    [Description("Units on hand already promised to orders (reservations), in eaches")]
    public long Committed { get; set; }
    [Description("Always 0 for now: holds for segments are applied after the expressions are evaluated")]
    public long Held { get; set; }
    [Description("Damaged units at the node, in eaches")]
    public long Damaged { get; set; }
    [Description("Units in quarantine status at the node, in eaches")]
    public long Quarantined { get; set; }
    /// <summary>Open supply on its way to the node.</summary>
    [Description("Open supply on its way to the node, in eaches")]
    public long InTransit { get; set; }
    /// <summary>On-hand less committed, never below zero (before holds and safety stock).</summary>
    [Description("On hand less committed, never below zero, in eaches (before holds and safety stock)")]
    public long Available { get; set; }
    /// <summary>Average units sold or shipped per day over the recent window.</summary>
    [Description("Units sold or shipped out of the node per day, averaged over the last 7 days")]
    public double BurnRate { get; set; }
    /// <summary>Available divided by burn rate; a large number when nothing moves.</summary>
    [Description("Available divided by burn rate, in days; 9999 when nothing moves")]
    public double DaysOfSupply { get; set; }
    /// <summary>Days of shelf life the oldest sellable lot has left; 0 when unknown or not perishable.</summary>
    [Description("Days until the soonest-expiring received lot at the node expires; 0 when unknown or not perishable")]
    public int RemainingShelfLifeDays { get; set; }
    [Description("True while the whole position is quarantined pending an anomaly review; such a node is left out of decisions")]
    public bool Quarantine { get; set; }
}
