using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// A search row of the decision log: one per (line, sku, node) a decision allocated or substituted, and
/// one with no node for a line that got nothing, so decisions are found by item, node and time.
/// </summary>
public sealed record DecisionLineRow(string DecisionId, string? OrderId, string LineId, string Sku, string? Node, long CreatedAt)
{
    public static IEnumerable<DecisionLineRow> For(string decisionId, string? orderId, Decision decision, long createdAt)
    {
        foreach (var line in decision.Lines)
        {
            var served = line.Allocations.Concat(line.Substitutions).Where(a => a.Quantity > 0)
                .Select(a => (a.Sku, a.Node)).Distinct().ToList();
            if (served.Count == 0) yield return new(decisionId, orderId, line.LineId, line.Sku, null, createdAt);
            foreach (var (sku, node) in served) yield return new(decisionId, orderId, line.LineId, sku, node, createdAt);
        }
    }
}
