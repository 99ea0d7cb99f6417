namespace InventoryRules.Rules.Background.Backorders;

/// <summary>Lines released (in release order) and lines still waiting, with the same in words.</summary>
public sealed record BackorderReleaseReport(
    IReadOnlyList<BackorderRelease> Released,
    IReadOnlyList<BackorderWait> Waiting,
    IReadOnlyList<string> Lines,
    int RulesFired);
