using InventoryRules.Rules.Background.CrossDock;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Inputs;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// The cross_dock terms of each segment for the positions that have inbound supply: the node must have the
/// cross_dock capability, then the first enabled cross_dock rule whose scope covers the item and node and
/// whose condition holds for the position (compiled delegates; a failing condition does not apply), as
/// decisions pick it (CandidateEvaluator.CrossDock).
/// </summary>
public static class CrossDockTermsBuilder
{
    public static IReadOnlyList<CrossDockTerms> For(StockReevaluationInput input, IEnumerable<(string Sku, string Node)> withSupply)
    {
        var plan = new ReevaluationPlan(input with { Positions = [], Lots = [] });
        var positions = input.Positions.GroupBy(p => (p.Sku, p.Node)).ToDictionary(g => g.Key, g => g.First());
        var inputs = new RuleInputs { Context = ReevaluationPlan.Context(plan.LocalNow) };
        var terms = new List<CrossDockTerms>();
        foreach (var (sku, node) in withSupply.Distinct())
        {
            if (!plan.ItemIndex.TryGetValue(sku, out var i) || !plan.NodeIndex.TryGetValue(node, out var n)) continue;
            if (!plan.Nodes[n].Capabilities.Contains(NodeCapabilities.CrossDock, StringComparer.Ordinal)) continue;
            var p = positions.GetValueOrDefault((sku, node));
            var available = p is null ? 0 : Math.Max(0, p.OnHand - p.Committed);
            var burn = p?.Demand.BurnRate ?? 0;
            inputs.Item = plan.ItemInputs[i];
            inputs.Node = plan.NodeInputs[n];
            inputs.Position = new PositionInput
            {
                OnHand = p?.OnHand ?? 0, Committed = p?.Committed ?? 0, InTransit = p?.InTransit ?? 0, Available = available, BurnRate = burn,
                DaysOfSupply = burn > 0 ? available / burn : 9_999, Quarantine = p?.Quarantined ?? false,
            };
            foreach (var segment in input.Segments)
            {
                foreach (var rule in segment.RuleSet.OfKind(RuleKinds.CrossDock))
                {
                    if (!Applies(rule, inputs)) continue;
                    var crossDock = (CrossDockRule)rule.Rule;
                    terms.Add(new CrossDockTerms(sku, node, segment.Segment.Code, crossDock.Id, crossDock.MinQuantity, crossDock.MaxDwellHours));
                    break;
                }
            }
        }
        return terms;
    }

    static bool Applies(Rules.Compilation.CompiledRule rule, RuleInputs inputs)
    {
        try
        {
            return rule.Matches(inputs);
        }
        catch (Exception e) when (ExpressionFailure.Is(e))
        {
            return false;
        }
    }
}
