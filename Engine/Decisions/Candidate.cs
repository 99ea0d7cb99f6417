namespace InventoryRules.Engine.Decisions;

/// <summary>
/// One node as a source for one line: whether it may serve it (and why not), what it can give now, and
/// what shipping from it costs under the routing rule that applied.
/// </summary>
internal struct Candidate
{
    public bool Eligible;
    public string? ExcludedBecause;
    public string? ExcludedBy;
    public long Atp;
    /// <summary>Units the position keeps back from this segment: holds it does not own plus safety stock.</summary>
    public long Floor;
    public long SafetyStock;
    public long HeldForOthers;
    /// <summary>Per shipment: transit, distance, order cost, cut-off, capacity and the routing score expression.</summary>
    public double Fixed;
    public double UnitCost;
    /// <summary>Per line: the inventory-depth reward.</summary>
    public double LineTerm;
    public string? RoutingRule;
    public DateTimeOffset Promise;
    /// <summary>The cross_dock rule in force here, if any: inbound lots of its minimum size skip put-away.</summary>
    public Rules.Model.CrossDockRule? CrossDock;
}
