namespace InventoryRules.Api.Stock;

/// <summary>
/// The current suggestion for a perishable position under its governing segment: "order" (units to order
/// now, net of replenishment already ordered) or "covered" (already ordered enough), with the units in lots
/// under the minimum shelf life and the reason in words. Compared whole: an equal one is not rewritten.
/// </summary>
internal readonly record struct ReorderSuggestion(string Sku, string Node, string Segment, string RuleId, string Status, long Quantity,
    long AlreadyOrdered, long ShortDatedUnits, string Reason)
{
    public const string Order = "order";
    public const string Covered = "covered";

    public (string, string, string) Key => (Sku, Node, Segment);

    public static readonly StockTable<ReorderSuggestion> Table = new("reorder_suggestions", 3,
        r => new ReorderSuggestion(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5), r.GetInt64(6),
            r.GetInt64(7), r.GetString(8)),
        StockColumn<ReorderSuggestion>.Text("sku", s => s.Sku),
        StockColumn<ReorderSuggestion>.Text("node", s => s.Node),
        StockColumn<ReorderSuggestion>.Text("segment", s => s.Segment),
        StockColumn<ReorderSuggestion>.Text("rule_id", s => s.RuleId),
        StockColumn<ReorderSuggestion>.Text("status", s => s.Status),
        StockColumn<ReorderSuggestion>.Long("quantity", s => s.Quantity),
        StockColumn<ReorderSuggestion>.Long("already_ordered", s => s.AlreadyOrdered),
        StockColumn<ReorderSuggestion>.Long("short_dated_units", s => s.ShortDatedUnits),
        StockColumn<ReorderSuggestion>.Text("reason", s => s.Reason));
}
