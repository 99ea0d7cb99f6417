namespace InventoryRules.Rules.Background.Reorder;

/// <summary>Orders to place, triggers already covered, and short-dated lots, with the same in words.</summary>
public sealed record PerishableReorderReport(
    IReadOnlyList<ReorderOrder> Orders,
    IReadOnlyList<ReorderCovered> Covered,
    IReadOnlyList<ShortDatedLot> ShortDated,
    IReadOnlyList<string> Lines,
    int RulesFired);
