namespace InventoryRules.Api.Experiments;

/// <summary>Stable codes of the experiments API (the issue 6 contract). A shipped code is never renamed.</summary>
public static class ExperimentErrorCodes
{
    public const string Invalid = "experiment_invalid";
    public const string RuleSetNotFound = "rule_set_not_found";
    public const string RuleSetNotImmutable = "rule_set_not_immutable";
    public const string RuleSetWrongSegment = "rule_set_wrong_segment";
    public const string Overlap = "experiment_overlap";
    public const string State = "experiment_state";
}
