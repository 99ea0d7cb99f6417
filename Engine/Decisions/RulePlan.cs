using System.Runtime.CompilerServices;
using InventoryRules.Rules.Compilation;

namespace InventoryRules.Engine.Decisions;

/// <summary>
/// Where each rule's values land in the fused evaluator's buffer: one lookup table per compiled rule set,
/// built once and kept as long as the rule set lives.
/// </summary>
internal sealed class RulePlan
{
    static readonly ConditionalWeakTable<CompiledRuleSet, RulePlan> Plans = new();

    RulePlan(CompiledRuleSet ruleSet)
    {
        var count = ruleSet.Rules.Count;
        ConditionSlot = Filled(count);
        EligibleSlot = Filled(count);
        ScoreSlot = Filled(count);
        for (var i = 0; i < ruleSet.Evaluator.Slots.Count; i++)
        {
            var slot = ruleSet.Evaluator.Slots[i];
            switch (slot.Path)
            {
                case "condition": ConditionSlot[slot.RuleIndex] = i; break;
                case "eligible": EligibleSlot[slot.RuleIndex] = i; break;
                case "score": ScoreSlot[slot.RuleIndex] = i; break;
            }
        }
    }

    /// <summary>Slot of each rule's condition by rule index, -1 when it has none.</summary>
    public int[] ConditionSlot { get; }

    public int[] EligibleSlot { get; }

    public int[] ScoreSlot { get; }

    public static RulePlan For(CompiledRuleSet ruleSet) => Plans.GetValue(ruleSet, r => new RulePlan(r));

    static int[] Filled(int count)
    {
        var slots = new int[count];
        Array.Fill(slots, -1);
        return slots;
    }
}
