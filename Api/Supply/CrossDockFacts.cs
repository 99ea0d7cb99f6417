using InventoryRules.Api.Data;
using InventoryRules.Rules.Background.CrossDock;

namespace InventoryRules.Api.Supply;

/// <summary>
/// The facts of one cross-dock run: open supply at cross-dock nodes net of what earlier runs matched, open
/// demand (backordered lines net of their matches on supply still open) at each node the engine lets serve
/// the order and where a cross_dock rule of its segment is in force, and those rules as terms.
/// </summary>
public sealed class CrossDockFacts
{
    public List<InboundSupply> Supply { get; } = [];

    public List<OpenDemand> Demand { get; } = [];

    public Dictionary<(string Sku, string Node, string Segment), CrossDockTerms> Terms { get; } = [];

    public List<string> Skipped { get; } = [];

    public static CrossDockFacts Build(IReadOnlyList<CrossDockRepository.SupplyRow> supply, IReadOnlyList<BackorderRow> open,
        IReadOnlyDictionary<(string OrderId, string LineId), long> matchedDemand, IReadOnlyDictionary<string, OrderReviews.Reviewed> reviews)
    {
        var facts = new CrossDockFacts();
        foreach (var s in supply.Where(s => s.Open - s.Matched > 0 && s.Eta is not null))
        {
            facts.Supply.Add(new InboundSupply(s.Reference, s.Sku, s.Node, s.Open - s.Matched, Instants.FromMicros(s.Eta!.Value)));
        }
        var supplyNodes = facts.Supply.GroupBy(s => s.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Node).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        foreach (var line in open.Where(b => b.Waiting > 0 && supplyNodes.ContainsKey(b.Sku)).GroupBy(b => (b.OrderId, b.LineId)))
        {
            var first = line.First();
            var units = line.Sum(b => b.Waiting) - matchedDemand.GetValueOrDefault(line.Key);
            if (units <= 0 || !reviews.TryGetValue(line.Key.OrderId, out var review)) continue;
            var needBy = review.Request.RequestedDate ?? Instants.FromMicros(line.Min(b => b.PromiseDate));
            if (needBy is not { } by)
            {
                facts.Skipped.Add($"{first.OrderId} line {first.LineId} {first.Sku}: neither a requested nor a promise date, so no need-by to cross-dock against");
                continue;
            }
            // A line waits at the nodes of its claims; units no claim covers may be served from any cross-dock node with supply.
            var nodes = line.Any(b => b.Node is null) ? supplyNodes[first.Sku] : [.. line.Select(b => b.Node!).Distinct(StringComparer.Ordinal)];
            foreach (var node in nodes.Where(n => supplyNodes[first.Sku].Contains(n)))
            {
                var verdict = review.Verdict.At(first.LineId, node);
                if (verdict is not { Judged: true, Eligible: true, CrossDock: { } rule }) continue;
                facts.Terms.TryAdd((first.Sku, node, first.Segment),
                    new CrossDockTerms(first.Sku, node, first.Segment, rule.Id, rule.MinQuantity, rule.MaxDwellHours));
                facts.Demand.Add(new OpenDemand(first.OrderId, first.LineId, first.Segment, first.Sku, node, units, by,
                    Instants.FromMicros(line.Min(b => b.CreatedAt))));
            }
        }
        return facts;
    }
}
