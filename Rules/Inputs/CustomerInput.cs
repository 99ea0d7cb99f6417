using System.ComponentModel;

namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of the customer, as <c>customer</c>.</summary>
[Description("The customer who placed the order being decided, as the order system sends it")]
public sealed class CustomerInput
{
    [Description("Customer id from the order system; empty outside orders")]
    public string Id { get; set; } = "";
    /// <summary>e.g. standard, silver, gold, platinum.</summary>
    [Description("Service tier, e.g. standard, silver, gold, platinum; standard when the order does not say")]
    public string Tier { get; set; } = "standard";
    [Description("True for a customer the order system marks as a strategic account")]
    public bool Strategic { get; set; }
    /// <summary>Contractual priority: higher is served first; 0 without a contract.</summary>
    [Description("Contractual priority: higher is served first; 0 without a contract")]
    public int ContractPriority { get; set; }
}
