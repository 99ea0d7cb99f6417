using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Supply;

/// <summary>
/// Copies backordered lines from the decision log into <c>backorders</c>, one row per supply claim, so that the
/// hot decision path writes nothing more. It follows decisions by their instant from a cursor, reading again a
/// short look-back before it: a decision's instant is taken before its transaction commits, so one may appear
/// behind the cursor; the insert ignores rows it already has, which makes the overlap (and any rerun) harmless.
/// </summary>
public sealed class BackorderRecorder(Database db, TimeProvider clock, ILogger<BackorderRecorder> log)
{
    const string Cursor = "backorders";
    const int PageSize = 200;

    /// <summary>Longer than any decision's transaction takes to commit after its instant.</summary>
    static readonly TimeSpan LookBack = TimeSpan.FromMinutes(5);

    const string ReadCursor = "SELECT position FROM job_cursors WHERE name = @name";

    // Only decisions whose result says some line was backordered are parsed.
    const string Page = """
        SELECT id AS Id, order_id AS OrderId, segment AS Segment, created_at AS CreatedAt, request AS Request, result AS Result
        FROM decisions
        WHERE kind = 'source' AND order_id IS NOT NULL AND (created_at > @at OR (created_at = @at AND id > @id)) AND {0}
        ORDER BY created_at, id
        LIMIT @limit
        """;

    const string PostgresBackordered = "result ~ '\"backordered\":[1-9]'";
    const string SqliteBackordered = "result GLOB '*\"backordered\":[1-9]*'";

    const string Insert = """
        INSERT INTO backorders (id, decision_id, order_id, line_id, claim_index, segment, customer_id, sku, node, reference, quantity, released,
                                promise_date, requested_date, status, created_at, recorded_at)
        VALUES (@Id, @DecisionId, @OrderId, @LineId, @ClaimIndex, @Segment, @CustomerId, @Sku, @Node, @Reference, @Quantity, 0,
                @PromiseDate, @RequestedDate, 'open', @CreatedAt, @RecordedAt)
        ON CONFLICT (decision_id, line_id, claim_index) DO NOTHING
        """;

    const string MoveCursor = """
        INSERT INTO job_cursors (name, position, updated_at) VALUES (@name, @position, @now)
        ON CONFLICT (name) DO UPDATE SET position = CASE WHEN job_cursors.position < excluded.position THEN excluded.position ELSE job_cursors.position END,
                                         updated_at = excluded.updated_at
        """;

    /// <summary>Records what decisions backordered since the cursor; returns how many rows were new.</summary>
    public async Task<int> RecordAsync(CancellationToken ct)
    {
        long from;
        await using (var conn = await db.OpenAsync(ct))
        {
            from = await conn.ExecuteScalarAsync<long?>(new CommandDefinition(ReadCursor, new { name = Cursor }, cancellationToken: ct)) ?? 0;
        }
        var at = Math.Max(0, from - (long)LookBack.TotalMicroseconds);
        var id = "";
        var recorded = 0;
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Page, db.IsPostgres ? PostgresBackordered : SqliteBackordered);
        while (true)
        {
            List<DecisionRow> page;
            await using (var conn = await db.OpenAsync(ct))
            {
                page = [.. await conn.QueryAsync<DecisionRow>(new CommandDefinition(sql, new { at, id, limit = PageSize }, cancellationToken: ct))];
            }
            if (page.Count == 0) return recorded;
            var now = Instants.ToMicros(clock.GetUtcNow());
            var rows = page.SelectMany(d => RowsOf(d, now)).ToList();
            var last = page[^1];
            recorded += await StoreRetry.WriteAsync(db, log, "record backorders", async () =>
            {
                await using var conn = await db.OpenAsync(ct);
                await using var tx = await conn.BeginTransactionAsync(ct);
                var added = rows.Count == 0 ? 0 : await conn.ExecuteAsync(new CommandDefinition(Insert, rows, tx, cancellationToken: ct));
                await conn.ExecuteAsync(new CommandDefinition(MoveCursor, new { name = Cursor, position = last.CreatedAt, now }, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                return added;
            }, ct);
            (at, id) = (last.CreatedAt, last.Id);
            if (page.Count < PageSize) return recorded;
        }
    }

    /// <summary>
    /// A backordered line's units as rows: one per supply claim (where and what it waits on), and one without
    /// node for what no claim covers (a backorder with no supply in sight yet).
    /// </summary>
    static IEnumerable<BackorderRow> RowsOf(DecisionRow d, long now)
    {
        var decision = DecisionJson.Read<Decision>(d.Result);
        var request = DecisionJson.Read<DecisionRequest>(d.Request);
        var requested = Instants.ToMicros(request.RequestedDate);
        foreach (var line in decision.Lines.Where(l => l.Backordered > 0))
        {
            var claims = line.SupplyClaims ?? [];
            for (var i = 0; i < claims.Count; i++)
            {
                var c = claims[i];
                if (c.Quantity <= 0) continue;
                yield return new BackorderRow(NewId(), d.Id, d.OrderId, line.LineId, i, d.Segment, request.Customer.Id, line.Sku, c.Node, c.Reference,
                    c.Quantity, Instants.ToMicros(c.PromiseDate), requested, d.CreatedAt, now);
            }
            var uncovered = line.Backordered - claims.Sum(c => Math.Max(0, c.Quantity));
            if (uncovered > 0)
            {
                yield return new BackorderRow(NewId(), d.Id, d.OrderId, line.LineId, -1, d.Segment, request.Customer.Id, line.Sku, null, null,
                    uncovered, Instants.ToMicros(line.BackorderPromiseDate), requested, d.CreatedAt, now);
            }
        }
    }

    static string NewId() => "bo_" + Guid.CreateVersion7().ToString("N");

    sealed record BackorderRow(string Id, string DecisionId, string OrderId, string LineId, int ClaimIndex, string Segment, string CustomerId,
        string Sku, string? Node, string? Reference, long Quantity, long? PromiseDate, long? RequestedDate, long CreatedAt, long RecordedAt);

    sealed class DecisionRow
    {
        public string Id { get; init; } = "";
        public string OrderId { get; init; } = "";
        public string Segment { get; init; } = "";
        public long CreatedAt { get; init; }
        public string Request { get; init; } = "";
        public string Result { get; init; } = "";
    }
}
