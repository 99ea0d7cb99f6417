namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of the customer, as <c>customer</c>.</summary>
public sealed class CustomerInput
{
    public string Id { get; set; } = "";
    /// <summary>e.g. standard, silver, gold, platinum.</summary>
    public string Tier { get; set; } = "standard";
    public bool Strategic { get; set; }
    /// <summary>Contractual priority: higher is served first; 0 without a contract.</summary>
    public int ContractPriority { get; set; }
}
