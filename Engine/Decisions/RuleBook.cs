using InventoryRules.Rules.Compilation;

namespace InventoryRules.Engine.Decisions;

/// <summary>
/// The rules a decision follows: the segment's version in force, plus the versions in force for the
/// other segments, whose hold rules ring-fence stock that this segment must not take.
/// </summary>
public sealed record RuleBook(CompiledRuleSet RuleSet, IReadOnlyList<CompiledRuleSet> Others)
{
    public static RuleBook Of(CompiledRuleSet ruleSet) => new(ruleSet, []);
}
