using System.Diagnostics;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.MasterData;
using InventoryRules.Api.RuleSets;
using InventoryRules.Engine.Decisions;
using InventoryRules.Engine.Stock;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api.Stock;

/// <summary>
/// Reads one <see cref="StockReevaluationInput"/> from the store at one instant: every position (or those
/// of some skus) in key order, open inbound supply, demand statistics (one aggregate query), perishable
/// lots (receipts, first in first out), master data and each segment's rule set in force.
/// </summary>
public sealed class StockInputLoader(Database db, MasterDataCache masterData, RuleSetCatalog catalog, IOptions<DecisionsOptions> options)
{
    const string Positions = """
        SELECT sku, node, on_hand, committed, damaged, quarantined, position_quarantined, last_event_at
        FROM positions{0}
        ORDER BY sku, node
        """;

    // Supply with an ETA is on its way (an ASN, a transfer): in transit, as future availability counts it.
    // Supply without one is ordered but not shipped: open replenishment for the perishable-reorder pack.
    const string InTransit = """
        SELECT sku, node, CAST(SUM(expected - received) AS BIGINT) AS units
        FROM supply_lines WHERE cancelled = FALSE AND expected > received AND eta IS NOT NULL{0}
        GROUP BY sku, node
        """;

    internal async Task<StockSnapshot> LoadAsync(DateTimeOffset now, string[]? skus, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var master = await masterData.GetAsync(ct);
        var active = await catalog.ActiveForAllAsync(now, ct);
        var segments = active.Where(a => master.Segments.ContainsKey(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new SegmentRules(master.Segments[a.Key], a.Value)).ToList();

        var filter = skus is null ? "" : " WHERE " + SqlLists.AnyOf(db.IsPostgres, "sku", "skus");
        var supply = new Dictionary<(string, string), long>();
        await using (var conn = await db.OpenAsync(ct))
        await using (var reader = await conn.ExecuteReaderAsync(new CommandDefinition(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, InTransit, skus is null ? "" : " AND " + SqlLists.AnyOf(db.IsPostgres, "sku", "skus")),
            new { skus }, commandTimeout: 600, cancellationToken: ct)))
        {
            while (await reader.ReadAsync(ct)) supply[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }
        var demand = await DemandHistory.LoadAsync(db, now, skus, ct);

        var positions = new List<StockPosition>();
        var onHand = new Dictionary<(string Sku, string Node), long>();
        var perishable = master.Items.Values.Where(i => i.Perishable).Select(i => i.Sku.Value).ToHashSet(StringComparer.Ordinal);
        await using (var conn = await db.OpenAsync(ct))
        await using (var reader = await conn.ExecuteReaderAsync(new CommandDefinition(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Positions, filter), new { skus }, commandTimeout: 600, cancellationToken: ct)))
        {
            while (await reader.ReadAsync(ct))
            {
                var key = (Sku: reader.GetString(0), Node: reader.GetString(1));
                var position = new StockPosition(key.Sku, key.Node, reader.GetInt64(2), reader.GetInt64(3), supply.GetValueOrDefault(key),
                    reader.GetBoolean(6), reader.IsDBNull(7) ? null : Instants.FromMicros(reader.GetInt64(7)),
                    demand.GetValueOrDefault(key) ?? DemandStats.None, DailyDemand.UsualDays, reader.GetInt64(4), reader.GetInt64(5));
                positions.Add(position);
                if (perishable.Contains(key.Sku)) onHand[key] = position.OnHand;
            }
        }
        var lots = perishable.Count == 0 ? [] : await ReceiptLots.LoadAsync(db, onHand, skus, ct);
        var input = new StockReevaluationInput(now, positions, lots, [.. master.Items.Values], [.. master.Nodes.Values], segments,
            options.Value.NetworkTimeZone);
        return new StockSnapshot(input, active, clock.Elapsed);
    }
}
