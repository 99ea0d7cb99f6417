namespace InventoryRules.Engine.Decisions;

/// <summary>
/// The engine's answer for one order: per line where it ships from, what is backordered, substituted or
/// refused, and why. Reservation ids are added by the service once the reservations are taken.
/// </summary>
public sealed record Decision(
    string OrderId,
    string RuleSetId,
    long RuleSetVersion,
    string Segment,
    IReadOnlyList<LineDecision> Lines,
    DecisionTotals Totals,
    IReadOnlyList<TraceEntry> Trace,
    IReadOnlyList<string> Explanation);

/// <summary>One line's outcome. Allocated + substituted + backordered + rejected = requested.</summary>
public sealed record LineDecision(
    string LineId,
    string Sku,
    long Requested,
    IReadOnlyList<Allocation> Allocations,
    long Backordered,
    long Rejected,
    IReadOnlyList<Allocation> Substitutions,
    DateTimeOffset? BackorderPromiseDate,
    IReadOnlyList<SupplyClaim>? SupplyClaims = null)
{
    public long Allocated => Allocations.Sum(a => a.Quantity);

    public long Substituted => Substitutions.Sum(a => a.Quantity);
}

/// <summary>
/// Units of one item from one node. <see cref="Floor"/> is what the position must keep back for others
/// (holds not owned by the segment plus safety stock): the reservation takes the units only while
/// on_hand − committed − Floor ≥ Quantity in the store, which is what makes it atomic and safe.
/// </summary>
public sealed record Allocation(string Sku, string Node, long Quantity, DateTimeOffset PromiseDate, long Floor);

/// <summary>Inbound supply a backorder counts on: so much of a supply line at a node, promised for a date.</summary>
public sealed record SupplyClaim(string Node, string Reference, long Quantity, DateTimeOffset PromiseDate);

/// <summary>Totals the analysts compare between rule sets.</summary>
public sealed record DecisionTotals(long Requested, long Allocated, long Substituted, long Backordered, long Rejected,
    int Shipments, double Cost);

/// <summary>
/// One step of the decision a planner can read: which rule (if any) did what, for which line and node,
/// with the figures it used.
/// </summary>
public sealed record TraceEntry(
    string Step,
    string? RuleId,
    string? LineId,
    string? Node,
    string Message,
    IReadOnlyDictionary<string, double>? Figures = null);
