using System.Data.Common;
using InventoryRules.Api.Data;
using InventoryRules.Api.Positions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Stock;

/// <summary>Reads of the stored figures for the API, filtered and paged in key order. Reads take no locks.</summary>
public sealed class StockQueries(Database db)
{
    public async Task<ResultPage<SafetyStockDto>> SafetyStockAsync(string? sku, string? node, string? segment, int page, int pageSize,
        CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var (where, bind) = Filter(sku, node, segment, null);
        var (rows, total) = await StockTables.Safety.PageAsync(conn, where, bind, pageSize, (long)(page - 1) * pageSize, ct);
        return new ResultPage<SafetyStockDto>([.. rows.Select(r => ToDto(r.Row, r.ComputedAt))], page, pageSize, total);
    }

    public async Task<ResultPage<ReorderDto>> ReordersAsync(string? sku, string? node, string? segment, bool? triggered, int page, int pageSize,
        CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var (where, bind) = Filter(sku, node, segment, triggered);
        var (rows, total) = await StockTables.Reorders.PageAsync(conn, where, bind, pageSize, (long)(page - 1) * pageSize, ct);
        var suggestions = new Dictionary<(string, string, string), (ReorderSuggestion Row, long At)>();
        if (rows.Count > 0)
        {
            var skus = rows.Select(r => r.Row.Figure.Sku).Distinct(StringComparer.Ordinal).ToList();
            var scope = SkuScope.Of(skus);
            var (found, _) = await ReorderSuggestion.Table.PageAsync(conn, scope.Condition(), scope.Bind, int.MaxValue, 0, ct);
            foreach (var (row, at) in found) suggestions[row.Key] = (row, at);
        }
        return new ResultPage<ReorderDto>([.. rows.Select(r =>
        {
            var f = r.Row.Figure;
            var s = suggestions.TryGetValue(f.Key, out var found) ? found : default;
            return new ReorderDto(f.Sku, f.Node, f.Segment, f.RuleId, r.Row.RuleSetId, r.Row.RuleSetVersion, f.Triggered, f.Failed, f.BaseReorderPoint,
                f.ReorderPoint, f.OrderUpTo, f.Available, f.InTransit, f.ExcludedUnits, f.RemainingShelfLifeDays, f.MinRemainingShelfLifeDays, f.Quantity,
                f.Reason, Instants.FromMicros(r.ComputedAt),
                s.Row.Sku is null ? null : new ReorderDto.SuggestionDto(s.Row.Status, s.Row.Quantity, s.Row.AlreadyOrdered, s.Row.ShortDatedUnits, s.Row.Reason,
                    Instants.FromMicros(s.At)));
        })], page, pageSize, total);
    }

    static SafetyStockDto ToDto(StoredSafetyStock row, long computedAt)
    {
        var f = row.Figure;
        var serviceLevel = f.Method == SafetyStockMath.ServiceLevel;
        return new SafetyStockDto(f.Sku, f.Node, f.Segment, f.Units, f.Method, f.RuleId, row.RuleSetId, row.RuleSetVersion, f.Waived,
            new SafetyStockDto.SafetyStockInputs(serviceLevel ? f.Z : null, serviceLevel ? f.ServiceLevel : null, f.DemandMean, f.DemandStdDev, f.DaysObserved,
                serviceLevel ? f.LeadTimeDays : null, serviceLevel ? f.LeadTimeStdDevDays : null,
                f.Method == SafetyStockMath.DaysOfSupply ? f.Days : null, f.PeakFactor),
            StockWords.Working(f), Instants.FromMicros(computedAt));
    }

    static (string Where, Action<DbCommand> Bind) Filter(string? sku, string? node, string? segment, bool? triggered)
    {
        var parts = new List<string> { "1 = 1" };
        var values = new List<(string, object)>();
        if (!string.IsNullOrEmpty(sku)) { parts.Add("sku = @sku"); values.Add(("sku", sku)); }
        if (!string.IsNullOrEmpty(node)) { parts.Add("node = @node"); values.Add(("node", node)); }
        if (!string.IsNullOrEmpty(segment)) { parts.Add("segment = @segment"); values.Add(("segment", segment)); }
        if (triggered is { } t) parts.Add(t ? "triggered = TRUE" : "triggered = FALSE");
        return (string.Join(" AND ", parts), cmd =>
        {
            foreach (var (name, value) in values)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                cmd.Parameters.Add(p);
            }
        });
    }
}
