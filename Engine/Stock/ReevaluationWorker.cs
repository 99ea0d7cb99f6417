using InventoryRules.Engine.Decisions;
using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Inputs;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// Re-evaluates one slice of the positions on one thread. It owns its rule inputs (filled in place, so the
/// loop allocates nothing but result rows) and its result lists; the plan is shared read-only.
/// </summary>
internal sealed class ReevaluationWorker
{
    public const int MaxFailures = 200;

    readonly ReevaluationPlan plan;
    readonly RuleInputs inputs;
    readonly PositionInput position = new();

    public ReevaluationWorker(ReevaluationPlan plan, int expected)
    {
        this.plan = plan;
        inputs = new RuleInputs { Position = position, Context = ReevaluationPlan.Context(plan.LocalNow) };
        SafetyStock = new(expected);
        Held = new(expected / 4);
    }

    public List<SafetyStockFigure> SafetyStock { get; }
    public List<HoldFigure> Holds { get; } = [];
    public List<HeldTotal> Held { get; }
    public List<ReorderFigure> Reorders { get; } = [];
    public List<StockRuleFailure> Failures { get; } = [];
    public int FailureCount { get; private set; }
    public int Evaluated { get; private set; }
    public int Skipped { get; private set; }

    public void Run(IReadOnlyList<StockPosition> positions, int from, int to)
    {
        for (var k = from; k < to; k++) Evaluate(positions[k]);
    }

    void Evaluate(StockPosition p)
    {
        if (!plan.ItemIndex.TryGetValue(p.Sku, out var i) || !plan.NodeIndex.TryGetValue(p.Node, out var n))
        {
            Skipped++;
            Fail(p, "", "", "unknown sku or node: the position was not re-evaluated");
            return;
        }
        Evaluated++;
        var item = plan.Items[i];
        var lots = item.Perishable ? plan.LotsOf(p.Sku, p.Node) : [];
        Fill(p, item.Perishable ? ShelfLife.Earliest(lots, plan.Now) : 0);
        inputs.Item = plan.ItemInputs[i];
        inputs.Node = plan.NodeInputs[n];
        inputs.Context.BurnRateRatio = plan.BurnRateRatios[i];
        long held = 0;
        var anyHold = false;
        foreach (var segment in plan.Segments)
        {
            var peak = segment.Peaks[i];
            inputs.Context.Peak = peak is not null;
            SafetyStockOf(p, segment, peak, i, n);
            for (var h = 0; h < segment.Holds.Count; h++)
            {
                if (!segment.Holds.Applies(h, i, n)) continue;
                anyHold = true;
                held += Hold(p, segment, segment.Holds.Rules[h], peak?.HoldShareFactor ?? 1);
            }
            ReorderOf(p, segment, item, lots, i, n);
        }
        if (anyHold) Held.Add(new HeldTotal(p.Sku, p.Node, Math.Min(held, Math.Max(0, p.OnHand))));
    }

    /// <summary>The position as rule expressions read it, with the same figures a decision's candidate sees.</summary>
    void Fill(StockPosition p, int remainingShelfLifeDays)
    {
        var available = Math.Max(0, p.OnHand - p.Committed);
        var burn = p.Demand.BurnRate;
        position.OnHand = p.OnHand;
        position.Committed = p.Committed;
        position.Held = 0;
        position.Damaged = p.Damaged;
        position.Quarantined = p.QuarantinedUnits;
        position.InTransit = p.InTransit;
        position.Available = available;
        position.BurnRate = burn;
        position.DaysOfSupply = burn > 0 ? available / burn : 9_999;
        position.RemainingShelfLifeDays = remainingShelfLifeDays;
        position.Quarantine = p.Quarantined;
    }

    /// <summary>The first safety-stock rule whose scope covers the position and whose condition holds (CandidateEvaluator.SafetyStock).</summary>
    void SafetyStockOf(StockPosition p, SegmentPlan segment, PeakAdjustments? peak, int i, int n)
    {
        var scopes = segment.SafetyStock;
        for (var r = 0; r < scopes.Count; r++)
        {
            if (!scopes.Applies(r, i, n) || !ConditionHolds(p, segment, scopes.Rules[r], out _)) continue;
            var rule = (SafetyStockRule)scopes.Rules[r].Rule;
            var units = SafetyStockMath.WithPeak(SafetyStockMath.Units(rule, p.Demand, segment.ServiceLevel), peak?.SafetyStockFactor);
            var factor = peak?.SafetyStockFactor ?? 1;
            var serviceLevel = rule.Method == SafetyStockMath.ServiceLevel;
            var demand = p.Demand;
            SafetyStock.Add(new SafetyStockFigure(p.Sku, p.Node, segment.Code, rule.Id, units, rule.Method,
                segment.Z[r], segment.Levels[r], demand.BurnRate,
                serviceLevel ? SafetyStockMath.DemandDeviation(demand) : demand.DailyStdDev, p.DaysObserved,
                serviceLevel ? rule.LeadTimeDays ?? 1 : 0, serviceLevel ? rule.LeadTimeStdDevDays ?? 0 : 0,
                rule.Method == SafetyStockMath.DaysOfSupply ? rule.Days ?? 0 : 0, factor, segment.WaivesSafetyStock));
            return;
        }
    }

    /// <summary>Units one hold keeps here (CandidateEvaluator.HeldBy, seen from a segment that does not own it).</summary>
    long Hold(StockPosition p, SegmentPlan segment, CompiledRule compiled, double shareFactor)
    {
        var hold = (HoldRule)compiled.Rule;
        string state;
        long units = 0;
        if (hold.ExpiresAt is { } expires && expires <= plan.Now) state = HoldState.Expired;
        else if (!ConditionHolds(p, segment, compiled, out var failed)) state = failed ? HoldState.Failed : HoldState.ConditionFalse;
        else
        {
            state = HoldState.InForce;
            units = HoldMath.Units(hold, p.OnHand, shareFactor);
        }
        Holds.Add(new HoldFigure(p.Sku, p.Node, segment.Code, hold.Id, hold.ForSegment, units, state, shareFactor));
        return units;
    }

    /// <summary>The first reorder rule that matches (ReorderAdvisor.Evaluate); one that fails to evaluate stops the search.</summary>
    void ReorderOf(StockPosition p, SegmentPlan segment, Item item, ReadOnlySpan<StockLot> lots, int i, int n)
    {
        var scopes = segment.Reorders;
        for (var r = 0; r < scopes.Count; r++)
        {
            if (!scopes.Applies(r, i, n)) continue;
            var compiled = scopes.Rules[r];
            var rule = (ReorderRule)compiled.Rule;
            double point, upTo;
            try
            {
                if (!compiled.ConditionHolds(inputs)) continue;
                point = segment.ReorderPoint[r].Evaluate(inputs);
                upTo = segment.OrderUpTo[r] is { } expression ? expression.Evaluate(inputs) : point * 2;
            }
            catch (Exception e) when (ExpressionFailure.Is(e))
            {
                Fail(p, segment.Code, rule.Id, e.Message);
                Reorders.Add(ReorderMath.Failed(p.Sku, p.Node, segment.Code, rule, position.Available, p.InTransit));
                return;
            }
            Reorders.Add(ReorderMath.Figure(p.Sku, p.Node, segment.Code, rule, item.Perishable, item.ShelfLifeDays ?? 0,
                p.OnHand, p.Committed, p.InTransit, lots, plan.Now, point, upTo));
            return;
        }
    }

    /// <summary>A condition that cannot be evaluated counts as not holding, as at decision time, and is reported.</summary>
    bool ConditionHolds(StockPosition p, SegmentPlan segment, CompiledRule rule, out bool failed)
    {
        failed = false;
        try
        {
            return rule.ConditionHolds(inputs);
        }
        catch (Exception e) when (ExpressionFailure.Is(e))
        {
            failed = true;
            Fail(p, segment.Code, rule.Rule.Id, e.Message);
            return false;
        }
    }

    void Fail(StockPosition p, string segment, string ruleId, string message)
    {
        FailureCount++;
        if (Failures.Count < MaxFailures) Failures.Add(new StockRuleFailure(p.Sku, p.Node, segment, ruleId, message));
    }
}
