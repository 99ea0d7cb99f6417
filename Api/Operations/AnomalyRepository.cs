using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Positions;

namespace InventoryRules.Api.Operations;

/// <summary>The anomaly queue: list, and resolve (which lifts the position's quarantine when nothing else holds it).</summary>
public sealed class AnomalyRepository(Database db, TimeProvider clock)
{
    const string Columns = """
        SELECT id, detected_at AS DetectedAt, kind, sku, node, source, event_id AS EventId, observed, expected, detail,
               quarantined, status, resolved_at AS ResolvedAt, resolved_by AS ResolvedBy, resolution_note AS ResolutionNote
        FROM anomalies
        """;

    public async Task<ResultPage<AnomalyDto>> ListAsync(string? status, string? kind, string? sku, string? node, int page, int pageSize, CancellationToken ct)
    {
        const string Where = """
             WHERE (@status IS NULL OR status = @status) AND (@kind IS NULL OR kind = @kind)
               AND (@sku IS NULL OR sku = @sku) AND (@node IS NULL OR node = @node)
            """;
        var args = new { status, kind, sku, node, limit = pageSize, offset = (long)(page - 1) * pageSize };
        await using var conn = await db.OpenAsync(ct);
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM anomalies" + Where, args, cancellationToken: ct));
        var rows = await conn.QueryAsync<Row>(new CommandDefinition(Columns + Where + " ORDER BY id DESC LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        return new ResultPage<AnomalyDto>([.. rows.Select(r => r.ToDto())], page, pageSize, total);
    }

    public async Task<AnomalyDto?> GetAsync(long id, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Columns + " WHERE id = @id", new { id }, cancellationToken: ct));
        return row?.ToDto();
    }

    /// <summary>Marks it resolved; false when it was already. The resolution is itself the audit record.</summary>
    public async Task<bool> ResolveAsync(long id, string by, string? note, CancellationToken ct)
    {
        if (!db.IsPostgres) await db.WriteLock.WaitAsync(ct);
        try
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var at = await conn.QuerySingleOrDefaultAsync<PositionRef>(new CommandDefinition(
                "UPDATE anomalies SET status = 'resolved', resolved_at = @now, resolved_by = @by, resolution_note = @note " +
                "WHERE id = @id AND status = 'open' RETURNING sku, node",
                new { id, by, note, now = Instants.ToMicros(clock.GetUtcNow()) }, tx, cancellationToken: ct));
            if (at is null) return false;
            // The position comes back into availability only when no other open anomaly quarantines it.
            await conn.ExecuteAsync(new CommandDefinition("""
                UPDATE positions SET position_quarantined = FALSE, version = version + 1
                WHERE sku = @Sku AND node = @Node AND position_quarantined = TRUE
                  AND NOT EXISTS (SELECT 1 FROM anomalies a WHERE a.sku = @Sku AND a.node = @Node
                                  AND a.status = 'open' AND a.quarantined = TRUE)
                """, new { at.Sku, at.Node }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return true;
        }
        finally
        {
            if (!db.IsPostgres) db.WriteLock.Release();
        }
    }

    sealed class PositionRef
    {
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
    }

    sealed class Row
    {
        public long Id { get; init; }
        public long DetectedAt { get; init; }
        public string Kind { get; init; } = "";
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public string? Source { get; init; }
        public string? EventId { get; init; }
        public long Observed { get; init; }
        public long Expected { get; init; }
        public string Detail { get; init; } = "";
        public bool Quarantined { get; init; }
        public string Status { get; init; } = "";
        public long? ResolvedAt { get; init; }
        public string? ResolvedBy { get; init; }
        public string? ResolutionNote { get; init; }

        public AnomalyDto ToDto() => new(Id, Instants.FromMicros(DetectedAt), Kind, Sku, Node, Source, EventId, Observed, Expected,
            Detail, Quarantined, Status, Instants.FromMicros(ResolvedAt), ResolvedBy, ResolutionNote);
    }
}
