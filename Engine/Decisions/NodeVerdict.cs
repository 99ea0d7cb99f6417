namespace InventoryRules.Engine.Decisions;

/// <summary>
/// How the decision engine judges one node as a source for one order line, outside a decision: whether it
/// may serve the line (and which rule or constraint says not), what the position keeps back from the order
/// (safety stock plus holds it does not own: the floor every reservation is taken above), and the cross_dock
/// rule in force there. <paramref name="Judged"/> is false where the node had nothing to give now or later,
/// which a decision does not judge either.
/// </summary>
public sealed record NodeVerdict(
    string LineId,
    string Sku,
    string Node,
    bool Judged,
    bool Eligible,
    string? ExcludedBy,
    string? ExcludedBecause,
    long SafetyStock,
    long HeldForOthers,
    long Atp,
    Rules.Model.CrossDockRule? CrossDock)
{
    public long Floor => SafetyStock + HeldForOthers;

    /// <summary>A node_eligibility rule of the version judged left this node out (not a stale feed or a quarantine).</summary>
    public bool ExcludedByRule => Judged && !Eligible && ExcludedBy is not null;
}
