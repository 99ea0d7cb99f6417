using System.Text.Json.Serialization;

namespace InventoryRules.Api.Experiments;

/// <summary>
/// What one arm's decision did for one logged order in a replay: the per-order figures every metric sums, so
/// an analyst can recompute any arm's numbers (the control's also from the decision log itself).
/// </summary>
public sealed record OutcomeDto(
    string DecisionId, string Arm, long Requested, long Filled, bool FullyFilled, int Nodes, double Cost, double MarginRequested,
    double MarginFilled, bool Backordered, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? PromiseAttained)
{
    public static OutcomeDto From(OutcomeRow r) => new(r.DecisionId, r.Arm, r.Requested, r.Filled, r.FullyFilled == 1, r.Nodes, r.Cost,
        r.MarginRequested, r.MarginFilled, r.Backordered == 1, r.PromiseAttained is { } a ? a == 1 : null);
}
