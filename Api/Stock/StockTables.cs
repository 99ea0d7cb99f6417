using System.Data.Common;
using InventoryRules.Engine.Stock;

namespace InventoryRules.Api.Stock;

/// <summary>The three tables of stored figures, their columns in one order for reading and writing (migration 0009).</summary>
internal static class StockTables
{
    public static readonly StockTable<StoredSafetyStock> Safety = new("stock_safety", 3, ReadSafety,
        StockColumn<StoredSafetyStock>.Text("sku", r => r.Figure.Sku),
        StockColumn<StoredSafetyStock>.Text("node", r => r.Figure.Node),
        StockColumn<StoredSafetyStock>.Text("segment", r => r.Figure.Segment),
        StockColumn<StoredSafetyStock>.Text("rule_id", r => r.Figure.RuleId),
        StockColumn<StoredSafetyStock>.Long("units", r => r.Figure.Units),
        StockColumn<StoredSafetyStock>.Text("method", r => r.Figure.Method),
        StockColumn<StoredSafetyStock>.Double("z", r => r.Figure.Z),
        StockColumn<StoredSafetyStock>.Double("service_level", r => r.Figure.ServiceLevel),
        StockColumn<StoredSafetyStock>.Double("demand_mean", r => r.Figure.DemandMean),
        StockColumn<StoredSafetyStock>.Double("demand_sd", r => r.Figure.DemandStdDev),
        StockColumn<StoredSafetyStock>.Int("days_observed", r => r.Figure.DaysObserved),
        StockColumn<StoredSafetyStock>.Double("lead_time_days", r => r.Figure.LeadTimeDays),
        StockColumn<StoredSafetyStock>.Double("lead_time_sd_days", r => r.Figure.LeadTimeStdDevDays),
        StockColumn<StoredSafetyStock>.Double("days_of_supply", r => r.Figure.Days),
        StockColumn<StoredSafetyStock>.Double("peak_factor", r => r.Figure.PeakFactor),
        StockColumn<StoredSafetyStock>.Bool("waived", r => r.Figure.Waived),
        StockColumn<StoredSafetyStock>.Text("rule_set_id", r => r.RuleSetId),
        StockColumn<StoredSafetyStock>.Long("rule_set_version", r => r.RuleSetVersion));

    public static readonly StockTable<StoredHold> Holds = new("stock_holds", 4, ReadHold,
        StockColumn<StoredHold>.Text("sku", r => r.Figure.Sku),
        StockColumn<StoredHold>.Text("node", r => r.Figure.Node),
        StockColumn<StoredHold>.Text("segment", r => r.Figure.Segment),
        StockColumn<StoredHold>.Text("rule_id", r => r.Figure.RuleId),
        StockColumn<StoredHold>.Text("for_segment", r => r.Figure.ForSegment),
        StockColumn<StoredHold>.Long("units", r => r.Figure.Units),
        StockColumn<StoredHold>.Text("state", r => r.Figure.State),
        StockColumn<StoredHold>.Double("share_factor", r => r.Figure.ShareFactor),
        StockColumn<StoredHold>.NullableLong("expires_at", r => r.ExpiresAt),
        StockColumn<StoredHold>.Text("rule_set_id", r => r.RuleSetId),
        StockColumn<StoredHold>.Long("rule_set_version", r => r.RuleSetVersion));

    public static readonly StockTable<StoredReorder> Reorders = new("stock_reorders", 3, ReadReorder,
        StockColumn<StoredReorder>.Text("sku", r => r.Figure.Sku),
        StockColumn<StoredReorder>.Text("node", r => r.Figure.Node),
        StockColumn<StoredReorder>.Text("segment", r => r.Figure.Segment),
        StockColumn<StoredReorder>.Text("rule_id", r => r.Figure.RuleId),
        StockColumn<StoredReorder>.Bool("triggered", r => r.Figure.Triggered),
        StockColumn<StoredReorder>.Double("base_reorder_point", r => r.Figure.BaseReorderPoint),
        StockColumn<StoredReorder>.Double("reorder_point", r => r.Figure.ReorderPoint),
        StockColumn<StoredReorder>.Double("order_up_to", r => r.Figure.OrderUpTo),
        StockColumn<StoredReorder>.Long("available", r => r.Figure.Available),
        StockColumn<StoredReorder>.Long("in_transit", r => r.Figure.InTransit),
        StockColumn<StoredReorder>.Long("excluded_units", r => r.Figure.ExcludedUnits),
        StockColumn<StoredReorder>.Int("remaining_shelf_life_days", r => r.Figure.RemainingShelfLifeDays),
        StockColumn<StoredReorder>.Int("min_remaining_shelf_life_days", r => r.Figure.MinRemainingShelfLifeDays),
        StockColumn<StoredReorder>.Long("quantity", r => r.Figure.Quantity),
        StockColumn<StoredReorder>.Bool("failed", r => r.Figure.Failed),
        StockColumn<StoredReorder>.Text("rule_set_id", r => r.RuleSetId),
        StockColumn<StoredReorder>.Long("rule_set_version", r => r.RuleSetVersion));

    static StoredSafetyStock ReadSafety(DbDataReader r) => new(new SafetyStockFigure(r.GetString(0), r.GetString(1), r.GetString(2),
            r.GetString(3), r.GetInt64(4), r.GetString(5), r.GetDouble(6), r.GetDouble(7), r.GetDouble(8), r.GetDouble(9), r.GetInt32(10),
            r.GetDouble(11), r.GetDouble(12), r.GetDouble(13), r.GetDouble(14), r.GetBoolean(15)),
        r.GetString(16), r.GetInt64(17));

    static StoredHold ReadHold(DbDataReader r) => new(new HoldFigure(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
            r.GetString(4), r.GetInt64(5), r.GetString(6), r.GetDouble(7)),
        r.IsDBNull(8) ? null : r.GetInt64(8), r.GetString(9), r.GetInt64(10));

    static StoredReorder ReadReorder(DbDataReader r) => new(new ReorderFigure(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
            r.GetBoolean(4), r.GetDouble(5), r.GetDouble(6), r.GetDouble(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetInt32(11),
            r.GetInt32(12), r.GetInt64(13), r.GetBoolean(14)),
        r.GetString(15), r.GetInt64(16));
}
