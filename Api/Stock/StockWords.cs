using System.Globalization;
using InventoryRules.Engine.Decisions;
using InventoryRules.Engine.Stock;

namespace InventoryRules.Api.Stock;

/// <summary>Report lines and reasons of the stock jobs, the same on every machine.</summary>
internal static class StockWords
{
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    static string Units(long? units) => units is { } u ? u.ToString(CultureInfo.InvariantCulture) : "none";

    /// <summary>"SKU-1 at DC-EAST for vip: safety stock 12 → 18 (service_level, z 2.05, demand 4.1 ± 2 a day, lead time 3 d)".</summary>
    public static string SafetyStock(SafetyStockFigure? before, SafetyStockFigure? after)
    {
        var f = after ?? before!.Value;
        var line = $"{f.Sku} at {f.Node} for {f.Segment}: safety stock {Units(before?.Units)} → {Units(after?.Units)}";
        return after is { } a ? $"{line} ({Working(a)})" : $"{line} (no safety stock rule applies any more)";
    }

    /// <summary>How a figure was reached, in the planner's terms.</summary>
    public static string Working(SafetyStockFigure f)
    {
        var how = f.Method switch
        {
            SafetyStockMath.ServiceLevel => $"service_level, z {Number(f.Z)}, burn rate {Number(f.DemandMean)} a day (last 7 days), day-to-day deviation {Number(f.DemandStdDev)}, "
                + $"lead time {Number(f.LeadTimeDays)} d" + (f.LeadTimeStdDevDays > 0 ? $" ± {Number(f.LeadTimeStdDevDays)} d" : ""),
            SafetyStockMath.DaysOfSupply => $"days_of_supply, {Number(f.Days)} days at a burn rate of {Number(f.DemandMean)} a day (last 7 days)",
            _ => "fixed",
        };
        if (f.PeakFactor != 1) how += $", peak ×{Number(f.PeakFactor)}";
        // The rule's min/max clamp is not part of the figure: say where the units may come from it.
        return $"{how}, rule {f.RuleId} (its min and max, if any, bound the result)";
    }

    public static string Hold(HoldFigure? before, HoldFigure? after)
    {
        var f = after ?? before!.Value;
        return $"{f.Sku} at {f.Node}: hold {f.RuleId} of {f.Segment} for {f.ForSegment} {Units(before?.Units)} → {Units(after?.Units)} units"
            + (after is { } a ? $" ({a.State.Replace('_', ' ')})" : " (the rule no longer covers this position)");
    }

    public static string Released(string segment, string ruleId, long units, int positions) =>
        $"hold {ruleId} ({segment}) expired: {units} units released at {positions} position{(positions == 1 ? "" : "s")}";

    public static string Triggered(ReorderFigure f) => $"{f.Sku} at {f.Node} for {f.Segment}: reorder triggered by {f.RuleId}; {f.Reason}";

    public static string Failure(StockRuleFailure f) =>
        string.IsNullOrEmpty(f.RuleId) ? $"{f.Sku} at {f.Node}: {f.Message}" : $"{f.Sku} at {f.Node}: rule {f.RuleId} of {f.Segment} failed: {f.Message}";
}
