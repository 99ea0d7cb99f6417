using InventoryRules.Rules.Compilation;

namespace InventoryRules.Api.Experiments;

/// <summary>The arm a running experiment gave an order, and the version that arm decides with.</summary>
public sealed record LiveArm(string ExperimentId, string Arm, CompiledRuleSet RuleSet);
