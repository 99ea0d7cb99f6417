using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Engine.Stock;
using InventoryRules.Rules.Background.Reorder;

namespace InventoryRules.Api.Stock;

/// <summary>
/// The perishable-reorder pack's facts from the store: one reorder check per perishable position (the
/// governing segment's stored figure), replenishment ordered and not yet shipped, and the lots whose shelf
/// life is under some check's minimum. Only facts that can match go into the session: NRules joins grow
/// with the product of their facts.
/// </summary>
internal static class PerishableReorderInput
{
    const string Figures = """
        SELECT r.sku AS Sku, r.node AS Node, r.segment AS Segment, r.rule_id AS RuleId, r.triggered AS Triggered, r.quantity AS Quantity,
               r.reorder_point AS ReorderPoint, r.order_up_to AS OrderUpTo, r.available AS Available, r.in_transit AS InTransit,
               r.remaining_shelf_life_days AS DaysLeft, r.min_remaining_shelf_life_days AS MinDays
        FROM stock_reorders r JOIN items i ON i.sku = r.sku
        WHERE i.perishable = TRUE AND r.failed = FALSE
        ORDER BY r.sku, r.node, r.segment
        """;

    // Without an ETA the supply is ordered but not on its way yet; with one it is already in the figure's in-transit.
    const string Open = """
        SELECT sku AS Sku, node AS Node, reference AS Reference, CAST(expected - received AS BIGINT) AS Quantity
        FROM supply_lines WHERE cancelled = FALSE AND expected > received AND eta IS NULL
        """;

    const string OnHand = "SELECT p.sku AS Sku, p.node AS Node, p.on_hand AS Quantity FROM positions p JOIN items i ON i.sku = p.sku WHERE i.perishable = TRUE";

    public static async Task<(List<ReorderCheck> Checks, List<OpenReplenishment> Open, List<ShelfLot> Lots)> LoadAsync(Database db, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var figures = (await conn.QueryAsync<FigureRow>(new CommandDefinition(Figures, cancellationToken: ct))).ToList();
        // A position reordered under several segments' rule sets orders once: triggered first, the largest need, then the segment's name.
        var checks = figures.GroupBy(f => (f.Sku, f.Node))
            .Select(g => g.OrderByDescending(f => f.Triggered).ThenByDescending(f => f.Quantity).ThenBy(f => f.Segment, StringComparer.Ordinal).First())
            .Select(f => new ReorderCheck(f.Sku, f.Node, f.Segment, f.RuleId, true, f.Triggered, f.Quantity, f.ReorderPoint, f.OrderUpTo, f.Available,
                f.InTransit, (int)f.DaysLeft, (int)f.MinDays))
            .ToList();
        var minimum = checks.ToDictionary(c => (c.Sku, c.Node), c => c.MinRemainingShelfLifeDays);
        var open = (await conn.QueryAsync<OpenRow>(new CommandDefinition(Open, cancellationToken: ct)))
            .Where(o => minimum.ContainsKey((o.Sku, o.Node))).Select(o => new OpenReplenishment(o.Reference, o.Sku, o.Node, o.Quantity)).ToList();
        var onHand = (await conn.QueryAsync<OpenRow>(new CommandDefinition(OnHand, cancellationToken: ct)))
            .Where(p => minimum.ContainsKey((p.Sku, p.Node))).ToDictionary(p => (p.Sku, p.Node), p => p.Quantity);
        var lots = BackgroundFacts.ShelfLots(await ReceiptLots.LoadAsync(db, onHand, null, ct), now)
            .Where(l => minimum.TryGetValue((l.Sku, l.Node), out var min) && l.DaysLeft < min).ToList();
        var withLots = lots.Select(l => (l.Sku, l.Node)).ToHashSet();
        return ([.. checks.Where(c => (c.Triggered && c.Quantity > 0) || withLots.Contains((c.Sku, c.Node)))], open, lots);
    }

    sealed class FigureRow
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public string Segment { get; init; } = "";
        public string RuleId { get; init; } = "";
        public bool Triggered { get; init; }
        public long Quantity { get; init; }
        public double ReorderPoint { get; init; }
        public double OrderUpTo { get; init; }
        public long Available { get; init; }
        public long InTransit { get; init; }
        public long DaysLeft { get; init; }
        public long MinDays { get; init; }
    }

    sealed class OpenRow
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public string Reference { get; init; } = "";
        public long Quantity { get; init; }
    }
}
