namespace InventoryRules.Engine.Stock;

/// <summary>
/// The outcome of a full re-evaluation, in the order of the input positions (then of the segments):
/// rows an API job compares by key against what it stored, writing only the changed ones and deleting
/// stored keys that no longer appear. <see cref="Failures"/> keeps the first few hundred failures of a run;
/// <see cref="FailureCount"/> counts them all.
/// </summary>
public sealed record StockReevaluation(
    IReadOnlyList<SafetyStockFigure> SafetyStock,
    IReadOnlyList<HoldFigure> Holds,
    IReadOnlyList<HeldTotal> Held,
    IReadOnlyList<ReorderFigure> Reorders,
    IReadOnlyList<StockRuleFailure> Failures,
    int FailureCount,
    int PositionsEvaluated,
    int PositionsSkipped);
