namespace InventoryRules.Rules.Inputs;

/// <summary>What a planner's expression may read of the customer, as <c>customer</c>.</summary>
public sealed class CustomerInput
{
    public string Id { get; init; } = "";
    /// <summary>e.g. standard, silver, gold, platinum.</summary>
    public string Tier { get; init; } = "standard";
    public bool Strategic { get; init; }
    /// <summary>Contractual priority: higher is served first; 0 without a contract.</summary>
    public int ContractPriority { get; init; }
}
