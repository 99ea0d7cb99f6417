using InventoryRules.Rules.Compilation;

namespace InventoryRules.Engine.Stock;

/// <summary>A segment and the compiled rule set version in force for it.</summary>
public sealed record SegmentRules(Segment Segment, CompiledRuleSet RuleSet);
