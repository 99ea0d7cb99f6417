namespace InventoryRules.Engine.Stock;

/// <summary>Wire names of a hold's state at one position; a shipped name is never renamed.</summary>
public static class HoldState
{
    /// <summary>The hold keeps its units now.</summary>
    public const string InForce = "in_force";
    /// <summary>Its expiresAt has passed: it keeps nothing, its units are free again.</summary>
    public const string Expired = "expired";
    /// <summary>Its condition does not hold here now: it keeps nothing.</summary>
    public const string ConditionFalse = "condition_false";
    /// <summary>Its condition could not be evaluated here: it keeps nothing, as at decision time.</summary>
    public const string Failed = "failed";
}
