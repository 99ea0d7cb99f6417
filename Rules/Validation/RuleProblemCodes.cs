namespace InventoryRules.Rules.Validation;

/// <summary>Stable codes of semantic problems (schema and expression problems have their own).</summary>
public static class RuleProblemCodes
{
    public const string Unreadable = "document_unreadable";
    public const string UnknownSegment = "unknown_segment";
    public const string UnknownNode = "unknown_node";
    public const string UnknownSku = "unknown_sku";
    public const string UnknownCategory = "unknown_category";
    public const string UnknownCountry = "unknown_country";
    public const string DuplicateRuleId = "duplicate_rule_id";
    public const string HoldsExceedStock = "holds_exceed_stock";
    public const string PriorityTieUnbroken = "priority_tie_unbroken";
    public const string RuleShadowed = "rule_shadowed";
    public const string InvalidRange = "invalid_range";

    public const string Error = "error";
    public const string Warning = "warning";
}
