namespace InventoryRules.Engine.Decisions;

/// <summary>The stable names of decision steps in a trace (planners and the web tool filter by them).</summary>
public static class TraceSteps
{
    public const string RuleSet = "rule_set";
    public const string Peak = "peak";
    public const string Split = "split";
    public const string Excluded = "excluded";
    public const string SafetyStock = "safety_stock";
    public const string Hold = "hold";
    public const string Entitlement = "entitlement";
    public const string Routing = "routing";
    public const string Allocated = "allocated";
    public const string Substituted = "substituted";
    public const string Backordered = "backordered";
    public const string Rejected = "rejected";
    public const string Shortfall = "shortfall";
    public const string Late = "late";
    public const string RuleFailed = "rule_failed";
    public const string Priority = "priority";
    public const string Candidates = "candidates";
    public const string Choice = "choice";
}
