namespace InventoryRules.Rules.Background.CrossDock;

/// <summary>
/// What a cross-dock run matched (in need-by order), the supply left to put away and the demand still
/// open, and the same in words.
/// </summary>
public sealed record CrossDockReport(
    IReadOnlyList<CrossDockMatch> Matches,
    IReadOnlyList<SupplyLeft> SupplyLeftOver,
    IReadOnlyList<DemandLeft> DemandOpen,
    IReadOnlyList<string> Lines,
    int RulesFired);
