using System.Text;
using System.Text.Json.Serialization;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Positions;

namespace InventoryRules.Api.Decisions;

/// <summary>One row of a search: what was decided for whom, when, under which rules; details at /v1/decisions/{id}.</summary>
public sealed record DecisionSummary(string DecisionId, string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? OrderId, string Segment, RuleSetRef RuleSet,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Arm, DateTimeOffset CreatedAt, long DecideMicros, long TotalMicros);

/// <summary>Reads of the decision log: one decision by id or order, and a search by order, item, node and time.</summary>
public sealed class DecisionLog(Database db)
{
    const string Columns = """
        SELECT id AS Id, kind AS Kind, order_id AS OrderId, segment AS Segment, rule_set_id AS RuleSetId,
               rule_set_version AS RuleSetVersion, arm AS Arm, created_at AS CreatedAt, request AS Request, snapshot AS Snapshot,
               result AS Result, reservations AS Reservations, decide_micros AS DecideMicros, total_micros AS TotalMicros,
               experiment_id AS ExperimentId
        FROM decisions
        """;

    const string SummaryColumns = """
        SELECT d.id AS Id, d.kind AS Kind, d.order_id AS OrderId, d.segment AS Segment, d.rule_set_id AS RuleSetId,
               d.rule_set_version AS RuleSetVersion, d.arm AS Arm, d.created_at AS CreatedAt, d.decide_micros AS DecideMicros,
               d.total_micros AS TotalMicros
        FROM decisions d
        """;

    public sealed record Filter(string? OrderId, string? Sku, string? Node, DateTimeOffset? From, DateTimeOffset? To, string? Segment = null, string? Kind = null);

    public Task<StoredDecision?> GetAsync(string id, CancellationToken ct) => OneAsync(Columns + " WHERE id = @key", id, ct);

    public Task<StoredDecision?> ByOrderAsync(string orderId, CancellationToken ct) => OneAsync(Columns + " WHERE order_id = @key", orderId, ct);

    /// <summary>The decisions of any of these order ids (at most one each: an order id is decided once).</summary>
    public async Task<IReadOnlyList<StoredDecision>> ByOrdersAsync(IReadOnlyCollection<string> orderIds, CancellationToken ct)
    {
        if (orderIds.Count == 0) return [];
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<Row>(new CommandDefinition(Columns + " WHERE " + SqlLists.AnyOf(db.IsPostgres, "order_id", "keys"),
            new { keys = orderIds.ToArray() }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToStored())];
    }

    /// <summary>Newest first. The filters on order, sku and node match any line of the decision (allocation runs included).</summary>
    public async Task<ResultPage<DecisionSummary>> SearchAsync(Filter filter, int page, int pageSize, CancellationToken ct)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        if (filter.OrderId is not null || filter.Sku is not null || filter.Node is not null)
        {
            where.Append(" AND d.id IN (SELECT l.decision_id FROM decision_lines l WHERE 1 = 1");
            if (filter.OrderId is not null) where.Append(" AND l.order_id = @OrderId");
            if (filter.Sku is not null) where.Append(" AND l.sku = @Sku");
            if (filter.Node is not null) where.Append(" AND l.node = @Node");
            if (filter.From is not null) where.Append(" AND l.created_at >= @From");
            if (filter.To is not null) where.Append(" AND l.created_at < @To");
            where.Append(')');
        }
        if (filter.From is not null) where.Append(" AND d.created_at >= @From");
        if (filter.To is not null) where.Append(" AND d.created_at < @To");
        if (filter.Segment is not null) where.Append(" AND d.segment = @Segment");
        if (filter.Kind is not null) where.Append(" AND d.kind = @Kind");
        var args = new DynamicParameters(new
        {
            filter.OrderId, filter.Sku, filter.Node, From = Instants.ToMicros(filter.From), To = Instants.ToMicros(filter.To),
            filter.Segment, filter.Kind,
        });
        args.Add("limit", pageSize);
        args.Add("offset", (long)(page - 1) * pageSize);
        await using var conn = await db.OpenAsync(ct);
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM decisions d" + where, args, cancellationToken: ct));
        var rows = await conn.QueryAsync<SummaryRow>(new CommandDefinition(
            SummaryColumns + where + " ORDER BY d.created_at DESC, d.id DESC LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        return new ResultPage<DecisionSummary>([.. rows.Select(r => new DecisionSummary(r.Id, r.Kind, r.OrderId, r.Segment,
            new RuleSetRef(r.RuleSetId, r.Segment, r.RuleSetVersion), r.Arm, Instants.FromMicros(r.CreatedAt), r.DecideMicros, r.TotalMicros))],
            page, pageSize, total);
    }

    async Task<StoredDecision?> OneAsync(string sql, string key, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { key }, cancellationToken: ct));
        return row?.ToStored();
    }

    /// <summary>A whole stored decision: the summary columns plus the documents.</summary>
    sealed class Row : SummaryRow
    {
        public string Request { get; init; } = "";
        public string Snapshot { get; init; } = "";
        public string Result { get; init; } = "";
        public string Reservations { get; init; } = "";
        public string? ExperimentId { get; init; }

        public StoredDecision ToStored() => new(Id, Kind, OrderId, Segment, RuleSetId, RuleSetVersion, Arm, Instants.FromMicros(CreatedAt),
            Request, Snapshot, Result, Reservations, DecideMicros, TotalMicros, ExperimentId);
    }

    class SummaryRow
    {
        public string Id { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? OrderId { get; init; }
        public string Segment { get; init; } = "";
        public string RuleSetId { get; init; } = "";
        public long RuleSetVersion { get; init; }
        public string? Arm { get; init; }
        public long CreatedAt { get; init; }
        public long DecideMicros { get; init; }
        public long TotalMicros { get; init; }
    }
}
