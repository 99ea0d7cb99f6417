using System.Text.Json.Serialization;

namespace InventoryRules.Rules.Model;

/// <summary>
/// One planner-authored rule. The JSON names its kind in <c>kind</c> (rules-schema.json); every rule
/// has a stable id, may be switched off, may be limited by a scope and by a condition: an expression in
/// RulesEngine's lambda language over the inputs its kind may read.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SafetyStockRule), "safety_stock")]
[JsonDerivedType(typeof(HoldRule), "hold")]
[JsonDerivedType(typeof(AllocationPriorityRule), "allocation_priority")]
[JsonDerivedType(typeof(NodeEligibilityRule), "node_eligibility")]
[JsonDerivedType(typeof(RoutingRule), "routing")]
[JsonDerivedType(typeof(SplitRule), "split")]
[JsonDerivedType(typeof(BackorderRule), "backorder")]
[JsonDerivedType(typeof(CrossDockRule), "cross_dock")]
[JsonDerivedType(typeof(ReclassificationRule), "reclassification")]
[JsonDerivedType(typeof(ReorderRule), "reorder")]
[JsonDerivedType(typeof(PeakRule), "peak")]
public abstract record Rule
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public string? Description { get; init; }
    public bool Enabled { get; init; } = true;
    public string? Condition { get; init; }
    public RuleScope? Scope { get; init; }

    [JsonIgnore]
    public abstract string Kind { get; }
}
