using InventoryRules.Rules.Background;

namespace InventoryRules.Engine.Decisions;

/// <summary>How an order ranks for scarce stock and how every node is judged for each of its lines.</summary>
public sealed record OrderVerdict(string OrderId, AllocationPriority Priority, IReadOnlyList<NodeVerdict> Nodes)
{
    /// <summary>The verdict for a line at a node; null when the line's item is unknown or the node is not in the snapshot.</summary>
    public NodeVerdict? At(string lineId, string node) =>
        Nodes.FirstOrDefault(n => string.Equals(n.LineId, lineId, StringComparison.Ordinal) && string.Equals(n.Node, node, StringComparison.Ordinal));
}
