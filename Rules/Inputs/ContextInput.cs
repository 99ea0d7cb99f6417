namespace InventoryRules.Rules.Inputs;

/// <summary>The moment of the decision, as <c>context</c>: time in the network's zone, and whether a peak is on.</summary>
public sealed class ContextInput
{
    public DateTime Now { get; set; }
    public int Hour { get; set; }
    /// <summary>0 = Sunday ... 6 = Saturday.</summary>
    public int DayOfWeek { get; set; }
    /// <summary>True while an item's burn rate is above a peak rule's threshold.</summary>
    public bool Peak { get; set; }
    /// <summary>Today's burn rate over the usual one for the item being decided.</summary>
    public double BurnRateRatio { get; set; }
}
