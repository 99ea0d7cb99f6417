using InventoryRules.Rules.Inputs;
using NRules;
using NRules.Fluent;

namespace InventoryRules.Engine.Stock.Baseline;

/// <summary>
/// The P6 reference (BENCHMARKS.md): the same re-evaluation as <see cref="StockReevaluator"/> written the
/// straightforward NRules way — one fact per (position, segment) and per rule, rules that join them and
/// evaluate scope and condition per pair. Used only to measure against; it lives beside the engine because
/// its rules compute with the engine's own arithmetic (SafetyStockMath, ReorderMath).
/// </summary>
public static class NaiveStockSession
{
    static readonly Lazy<ISessionFactory> Factory = new(() =>
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(NaiveSafetyStockRule), typeof(NaiveHoldRule), typeof(NaiveReorderRule)));
        return new RuleCompiler().Compile(repository.GetRules());
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static StockReevaluation Evaluate(StockReevaluationInput input)
    {
        var plan = new ReevaluationPlan(input);
        var session = Factory.Value.CreateSession();
        foreach (var segment in plan.Segments)
        {
            session.InsertAll(new[] { segment.SafetyStock, segment.Holds, segment.Reorders }.SelectMany(s => s.Rules)
                .Select(r => new NaiveRule(segment.Code, r)));
        }
        var skipped = 0;
        foreach (var p in input.Positions)
        {
            if (!plan.ItemIndex.TryGetValue(p.Sku, out var i) || !plan.NodeIndex.TryGetValue(p.Node, out var n))
            {
                skipped++;
                continue;
            }
            var item = plan.Items[i];
            var lots = item.Perishable ? plan.LotsOf(p.Sku, p.Node).ToArray() : [];
            foreach (var segment in plan.Segments)
            {
                var peak = segment.Peaks[i];
                var inputs = new RuleInputs
                {
                    Item = plan.ItemInputs[i],
                    Node = plan.NodeInputs[n],
                    Position = Position(p, item.Perishable ? ShelfLife.Earliest(lots, plan.Now) : 0),
                    Context = ReevaluationPlan.Context(plan.LocalNow),
                };
                inputs.Context.BurnRateRatio = plan.BurnRateRatios[i];
                inputs.Context.Peak = peak is not null;
                session.Insert(new NaivePosition(p, item, segment.Code, segment.ServiceLevel, segment.WaivesSafetyStock, inputs, peak, lots, plan.Now));
            }
        }
        session.Fire();
        var holds = session.Query<HoldFigure>().ToList();
        var onHand = input.Positions.GroupBy(p => (p.Sku, p.Node)).ToDictionary(g => g.Key, g => g.First().OnHand);
        var held = holds.GroupBy(h => (h.Sku, h.Node)).Select(g => new HeldTotal(g.Key.Sku, g.Key.Node,
            Math.Min(g.Sum(h => h.Units), Math.Max(0, onHand[g.Key])))).ToList();
        return new StockReevaluation(session.Query<SafetyStockFigure>().ToList(), holds, held, session.Query<ReorderFigure>().ToList(), [], 0,
            input.Positions.Count - skipped, skipped);
    }

    static PositionInput Position(StockPosition p, int remainingShelfLifeDays)
    {
        var available = Math.Max(0, p.OnHand - p.Committed);
        return new PositionInput
        {
            OnHand = p.OnHand, Committed = p.Committed, Damaged = p.Damaged, Quarantined = p.QuarantinedUnits, InTransit = p.InTransit,
            Available = available, BurnRate = p.Demand.BurnRate, DaysOfSupply = p.Demand.BurnRate > 0 ? available / p.Demand.BurnRate : 9_999,
            RemainingShelfLifeDays = remainingShelfLifeDays, Quarantine = p.Quarantined,
        };
    }
}
