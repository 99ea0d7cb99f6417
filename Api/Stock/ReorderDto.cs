using System.Text.Json.Serialization;

namespace InventoryRules.Api.Stock;

/// <summary>
/// A stored reorder figure (GET /v1/reorders) with its reason in words and, where the perishable-reorder
/// job made one for this position and segment, its current suggestion.
/// </summary>
public sealed record ReorderDto(
    string Sku,
    string Node,
    string Segment,
    string RuleId,
    string RuleSetId,
    long RuleSetVersion,
    bool Triggered,
    bool Failed,
    double BaseReorderPoint,
    double ReorderPoint,
    double OrderUpTo,
    long Available,
    long InTransit,
    long ExcludedUnits,
    int RemainingShelfLifeDays,
    int MinRemainingShelfLifeDays,
    long Quantity,
    string Reason,
    DateTimeOffset ComputedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ReorderDto.SuggestionDto? Suggestion)
{
    /// <summary>"order": order <see cref="Quantity"/> now; "covered": replenishment already ordered covers the need.</summary>
    public sealed record SuggestionDto(string Status, long Quantity, long AlreadyOrdered, long ShortDatedUnits, string Reason, DateTimeOffset SuggestedAt);
}
