using InventoryRules.Engine.Decisions;

namespace InventoryRules.Engine.Experiments;

/// <summary>
/// What one decision did for one order, in the figures the experiment metrics add up. Every metric is a
/// ratio of sums over orders (<see cref="ExperimentMetric"/>), so these are its per-order terms.
/// </summary>
/// <param name="Requested">Units asked for, in eaches.</param>
/// <param name="Filled">Units allocated now, substitutes included.</param>
/// <param name="FullyFilled">Every line got all its units now (substitutes count).</param>
/// <param name="Nodes">Distinct nodes shipping something: more than one is a split order.</param>
/// <param name="Cost">Estimated fulfilment cost in currency: each node's cost per order once, plus its cost per unit for each unit.</param>
/// <param name="MarginRequested">Σ requested × unit margin (price − cost, never below zero) of the ordered items.</param>
/// <param name="MarginFilled">Σ filled × the same unit margins.</param>
/// <param name="Backordered">Some line has units on backorder.</param>
/// <param name="PromiseAttained">
/// Every unit is promised on or before the requested date (allocations and substitutes by their promise date, backorders by
/// theirs; refused units never are); null when no date was requested.
/// </param>
public sealed record OrderOutcome(
    long Requested,
    long Filled,
    bool FullyFilled,
    int Nodes,
    double Cost,
    double MarginRequested,
    double MarginFilled,
    bool Backordered,
    bool? PromiseAttained)
{
    /// <summary>The outcome of <paramref name="decision"/>, costed and weighted with the master data in <paramref name="snapshot"/>.</summary>
    public static OrderOutcome Of(DecisionRequest request, DecisionSnapshot snapshot, Decision decision)
    {
        long requested = 0, filled = 0;
        var full = true;
        var backordered = false;
        double cost = 0, marginRequested = 0, marginFilled = 0;
        var nodes = new HashSet<string>(StringComparer.Ordinal);
        var attained = request.RequestedDate is not null;
        foreach (var line in decision.Lines)
        {
            var lineFilled = line.Allocated + line.Substituted;
            requested += line.Requested;
            filled += lineFilled;
            full &= lineFilled >= line.Requested;
            backordered |= line.Backordered > 0;
            // A substitute fills the ordered line, so it counts at the ordered item's margin: the metric is
            // the share of the order's margin served, and it stays within [0, 1].
            var margin = Margin(snapshot, line.Sku);
            marginRequested += line.Requested * margin;
            marginFilled += lineFilled * margin;
            foreach (var part in line.Allocations.Concat(line.Substitutions))
            {
                if (part.Quantity <= 0) continue;
                var node = Node(snapshot, part.Node);
                if (nodes.Add(part.Node)) cost += (double)(node?.CostPerOrder ?? 0);
                cost += part.Quantity * (double)(node?.CostPerUnit ?? 0);
                if (request.RequestedDate is { } by && part.PromiseDate > by) attained = false;
            }
            // Every unit must be promised by the date: a backorder counts by its own promise date, a refusal never attains.
            if (request.RequestedDate is { } date && (line.Rejected > 0
                || (line.Backordered > 0 && (line.BackorderPromiseDate is not { } later || later > date))))
            {
                attained = false;
            }
        }
        return new OrderOutcome(requested, filled, full && requested > 0, nodes.Count, Math.Round(cost, 6), marginRequested, marginFilled,
            backordered, request.RequestedDate is null ? null : attained);
    }

    static double Margin(DecisionSnapshot snapshot, string sku)
    {
        foreach (var item in snapshot.Items)
        {
            if (item.Sku.Value == sku) return Math.Max(0, (double)(item.UnitPrice - item.UnitCost));
        }
        return 0;
    }

    static Node? Node(DecisionSnapshot snapshot, string code)
    {
        foreach (var node in snapshot.Nodes)
        {
            if (node.Code.Value == code) return node;
        }
        return null;
    }
}
