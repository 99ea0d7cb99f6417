using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Experiments;

/// <summary>
/// One logged order decided again under both arms against the snapshot it was logged with: the pure part
/// of an offline replay. Nothing is reserved, so neither arm's decision changes what the other sees, and
/// the same inputs give the same outcomes every time.
/// </summary>
public static class PairedReplay
{
    public static (OrderOutcome Control, OrderOutcome Variant) Decide(DecisionRequest request, DecisionSnapshot snapshot, RuleBook control,
        RuleBook variant) =>
        (OrderOutcome.Of(request, snapshot, Decider.Decide(request, snapshot, control)),
         OrderOutcome.Of(request, snapshot, Decider.Decide(request, snapshot, variant)));
}
