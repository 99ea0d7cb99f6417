using System.ComponentModel;

namespace InventoryRules.Rules.Inputs;

/// <summary>The moment of the decision, as <c>context</c>: time in the network's zone, and whether a peak is on.</summary>
[Description("The moment of the decision, in the network's time zone, and whether the item is in a peak")]
public sealed class ContextInput
{
    [Description("Date and time of the decision in the network's time zone (Europe/Berlin unless configured otherwise)")]
    public DateTime Now { get; set; }
    [Description("Hour of the day of the decision in the network's time zone, 0 to 23")]
    public int Hour { get; set; }
    /// <summary>0 = Sunday ... 6 = Saturday.</summary>
    [Description("Day of the week in the network's time zone: 0 = Sunday, 1 = Monday … 6 = Saturday")]
    public int DayOfWeek { get; set; }
    /// <summary>True while an item's burn rate is above a peak rule's threshold.</summary>
    [Description("True while a peak rule is in force for the item being decided (its burn rate ratio is above the rule's threshold); false outside orders")]
    public bool Peak { get; set; }
    /// <summary>Today's burn rate over the usual one for the item being decided.</summary>
    [Description("The item's units per day across the network over the last 7 days, divided by its daily average over the last 28 days; 1 with no history, 10 when it starts selling from nothing; 0 outside orders")]
    public double BurnRateRatio { get; set; }
}
