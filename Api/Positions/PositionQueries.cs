using System.Data.Common;
using System.Text;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Ingest;

namespace InventoryRules.Api.Positions;

/// <summary>Reads of positions: current, as of an instant, filtered lists. Reads take no locks.</summary>
public sealed class PositionQueries(Database db)
{
    const string Current = """
        SELECT sku, node, on_hand AS OnHand, damaged, quarantined, committed, held, last_event_at AS LastEventAt,
               version, position_quarantined AS PositionQuarantined
        FROM positions p
        """;

    const string OpenSupply = """
        SELECT sku, node, reference, expected - received AS Quantity, eta FROM supply_lines
        WHERE sku = @sku AND node = @node AND cancelled = FALSE AND expected > received
        ORDER BY eta, reference
        """;

    // Supply as of an instant, from the events themselves: what was booked, received and cancelled by then.
    // PostgreSQL sums BIGINT into NUMERIC: the casts keep both stores returning 64-bit integers.
    const string SupplyAsOf = """
        SELECT reference, CAST(SUM(s_expected) - SUM(s_received) AS BIGINT) AS Quantity,
               MAX(CASE WHEN s_cancelled THEN 1 ELSE 0 END) AS Cancelled, MAX(eta) AS Eta
        FROM events
        WHERE sku = @sku AND supply_node = @node AND authoritative = TRUE AND occurred_at <= @t
        GROUP BY reference
        ORDER BY reference
        """;

    const string BucketsAsOf = """
        SELECT CAST(COALESCE(SUM(d_damaged), 0) AS BIGINT) AS Damaged, CAST(COALESCE(SUM(d_quarantined), 0) AS BIGINT) AS Quarantined,
               MAX(occurred_at) AS LastEventAt, COUNT(*) AS Events
        FROM events WHERE sku = @sku AND node = @node AND authoritative = TRUE AND occurred_at <= @t
        """;

    // What retention compacted: the buckets as of its cutoff, and supply booked by the compacted events.
    const string SnapshotAsOf = """
        SELECT damaged AS Damaged, quarantined AS Quarantined, last_event_at AS LastEventAt, events AS Events
        FROM position_snapshots WHERE sku = @sku AND node = @node
        """;

    const string SupplySnapshot = """
        SELECT reference, CAST(expected - received AS BIGINT) AS Quantity, CASE WHEN cancelled THEN 1 ELSE 0 END AS Cancelled, eta
        FROM supply_snapshots WHERE sku = @sku AND node = @node
        """;

    /// <summary>The retention cutoff: as-of answers before it are no longer exact, so they are refused. Null before any compaction.</summary>
    public async Task<DateTimeOffset?> RetainedFromAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return Instants.FromMicros(await Retention.RetentionCutoff.ReadAsync(conn, ct));
    }

    public async Task<PositionDto?> GetAsync(string sku, string node, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Current + " WHERE sku = @sku AND node = @node", new { sku, node }, cancellationToken: ct));
        if (row is null) return null;
        var supply = await conn.QueryAsync<SupplyRow>(new CommandDefinition(OpenSupply, new { sku, node }, cancellationToken: ct));
        return row.ToDto([.. supply.Select(s => s.ToDto())]);
    }

    /// <summary>
    /// The position at <paramref name="at"/> as best known now: the latest count at or before it plus
    /// later deltas. Reservations are not historical here, so committed and held read zero. Exact for every
    /// instant at or after the retention cutoff: compacted events live on in the position's snapshot.
    /// </summary>
    public async Task<PositionDto?> AsOfAsync(string sku, string node, DateTimeOffset at, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var exists = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM positions WHERE sku = @sku AND node = @node", new { sku, node }, cancellationToken: ct));
        if (exists == 0) return null;
        var t = Instants.ToMicros(at);
        var onHand = await LedgerQueries.OnHandAsOfAsync(conn, null, sku, node, t, null, ct);
        var live = await conn.QuerySingleAsync<BucketRow>(new CommandDefinition(BucketsAsOf, new { sku, node, t }, cancellationToken: ct));
        var snapshot = await conn.QuerySingleOrDefaultAsync<BucketRow>(new CommandDefinition(SnapshotAsOf, new { sku, node }, cancellationToken: ct));
        var supply = (await conn.QueryAsync<SupplyRow>(new CommandDefinition(SupplyAsOf, new { sku, node, t }, cancellationToken: ct)))
            .Concat(await conn.QueryAsync<SupplyRow>(new CommandDefinition(SupplySnapshot, new { sku, node }, cancellationToken: ct)))
            .GroupBy(r => r.Reference ?? "", StringComparer.Ordinal)
            .Select(g => new SupplyRow { Reference = g.Key, Quantity = g.Sum(r => r.Quantity), Cancelled = g.Max(r => r.Cancelled), Eta = g.Max(r => r.Eta) })
            .OrderBy(r => r.Reference, StringComparer.Ordinal);
        var open = supply.Where(s => s.Cancelled == 0 && s.Quantity > 0).Select(s => s.ToDto()).ToList();
        var lastEventAt = live.LastEventAt ?? snapshot?.LastEventAt;
        return new PositionDto(sku, node, onHand, live.Damaged + (snapshot?.Damaged ?? 0), live.Quarantined + (snapshot?.Quarantined ?? 0), 0, 0, open,
            Instants.FromMicros(lastEventAt), null, false, at);
    }

    public async Task<ResultPage<PositionDto>> ListAsync(PositionFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        if (filter.Sku is not null) where.Append(" AND p.sku = @Sku");
        if (filter.Node is not null) where.Append(" AND p.node = @Node");
        if (filter.NodeType is not null || filter.Country is not null)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM nodes n WHERE n.code = p.node");
            if (filter.NodeType is not null) where.Append(" AND n.type = @NodeType");
            if (filter.Country is not null) where.Append(" AND n.country = @Country");
            where.Append(')');
        }
        if (filter.Quarantined is { } q) where.Append(q ? " AND p.position_quarantined = TRUE" : " AND p.position_quarantined = FALSE");
        if (filter.BelowOnHand is not null) where.Append(" AND p.on_hand < @BelowOnHand");
        await using var conn = await db.OpenAsync(ct);
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM positions p" + where, filter, cancellationToken: ct));
        var parameters = new DynamicParameters(filter);
        parameters.Add("limit", pageSize);
        parameters.Add("offset", (long)(page - 1) * pageSize);
        var rows = (await conn.QueryAsync<Row>(new CommandDefinition(
            Current + where + " ORDER BY p.sku, p.node LIMIT @limit OFFSET @offset", parameters, cancellationToken: ct))).ToList();
        var supply = await SupplyForAsync(conn, rows, ct);
        return new ResultPage<PositionDto>([.. rows.Select(r => r.ToDto(supply.GetValueOrDefault((r.Sku, r.Node)) ?? []))], page, pageSize, total);
    }

    static async Task<Dictionary<(string, string), List<InTransitDto>>> SupplyForAsync(DbConnection conn, List<Row> rows, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), List<InTransitDto>>();
        foreach (var sku in rows.Select(r => r.Sku).Distinct())
        {
            var lines = await conn.QueryAsync<SupplyRow>(new CommandDefinition("""
                SELECT sku, node, reference, expected - received AS Quantity, eta FROM supply_lines
                WHERE sku = @sku AND cancelled = FALSE AND expected > received ORDER BY eta, reference
                """, new { sku }, cancellationToken: ct));
            foreach (var line in lines)
            {
                var key = (line.Sku, line.Node);
                if (!result.TryGetValue(key, out var list)) result[key] = list = [];
                list.Add(line.ToDto());
            }
        }
        return result;
    }

    sealed class Row
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long OnHand { get; init; }
        public long Damaged { get; init; }
        public long Quarantined { get; init; }
        public long Committed { get; init; }
        public long Held { get; init; }
        public long? LastEventAt { get; init; }
        public long Version { get; init; }
        public bool PositionQuarantined { get; init; }

        public PositionDto ToDto(IReadOnlyList<InTransitDto> supply) => new(Sku, Node, OnHand, Damaged, Quarantined, Committed, Held,
            supply, Instants.FromMicros(LastEventAt), Version, PositionQuarantined);
    }

    sealed class SupplyRow
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public string Reference { get; init; } = "";
        public long Quantity { get; init; }
        public long Cancelled { get; init; }
        public long? Eta { get; init; }

        public InTransitDto ToDto() => new(Quantity, Instants.FromMicros(Eta), Reference);
    }

    sealed class BucketRow
    {
        public long Damaged { get; init; }
        public long Quarantined { get; init; }
        public long? LastEventAt { get; init; }
        public long Events { get; init; }
    }
}
