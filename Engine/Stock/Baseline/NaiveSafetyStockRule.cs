using InventoryRules.Engine.Decisions;
using InventoryRules.Rules.Expressions;
using NRules.Fluent.Dsl;
using Model = InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Stock.Baseline;

/// <summary>The first safety-stock rule of the segment that applies to the position gives its safety stock.</summary>
[Name("Naive: safety stock")]
public sealed class NaiveSafetyStockRule : Rule
{
    public override void Define()
    {
        NaivePosition p = default!;
        NaiveRule r = default!;
        When()
            .Match(() => p)
            .Match(() => r, x => x.Segment == p.Segment && x.Kind == RuleKinds.SafetyStock && x.Applies(p))
            .Not<NaiveRule>(x => x.Segment == p.Segment && x.Kind == RuleKinds.SafetyStock && x.Index < r.Index && x.Applies(p));
        Then().Do(ctx => ctx.Insert(Figure(p, (Model.SafetyStockRule)r.Compiled.Rule)));
    }

    static SafetyStockFigure Figure(NaivePosition p, Model.SafetyStockRule rule)
    {
        var demand = p.Position.Demand;
        var units = SafetyStockMath.WithPeak(SafetyStockMath.Units(rule, demand, p.ServiceLevel), p.Peak?.SafetyStockFactor);
        var factor = p.Peak?.SafetyStockFactor ?? 1;
        var serviceLevel = rule.Method == SafetyStockMath.ServiceLevel;
        var level = serviceLevel ? SafetyStockMath.Level(rule, p.ServiceLevel) : 0;
        return new SafetyStockFigure(p.Position.Sku, p.Position.Node, p.Segment, rule.Id, units, rule.Method,
            serviceLevel ? SafetyStockMath.Z(level) : 0, level, demand.BurnRate,
            serviceLevel ? SafetyStockMath.DemandDeviation(demand) : demand.DailyStdDev, p.Position.DaysObserved,
            serviceLevel ? rule.LeadTimeDays ?? 1 : 0, serviceLevel ? rule.LeadTimeStdDevDays ?? 0 : 0,
            rule.Method == SafetyStockMath.DaysOfSupply ? rule.Days ?? 0 : 0, factor, p.WaivesSafetyStock);
    }
}
