using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Positions;

namespace InventoryRules.Api.Operations;

/// <summary>Read-only listings of what ingest recorded: discrepancies and count variances.</summary>
public sealed class AuditQueries(Database db)
{
    const string Filter = " WHERE (@sku IS NULL OR sku = @sku) AND (@node IS NULL OR node = @node)";

    public async Task<ResultPage<DiscrepancyDto>> DiscrepanciesAsync(string? sku, string? node, int page, int pageSize, CancellationToken ct)
    {
        var args = new { sku, node, limit = pageSize, offset = (long)(page - 1) * pageSize };
        await using var conn = await db.OpenAsync(ct);
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM discrepancies" + Filter, args, cancellationToken: ct));
        var rows = await conn.QueryAsync<DiscrepancyRow>(new CommandDefinition("""
            SELECT id, detected_at AS DetectedAt, sku, node, type, source, event_id AS EventId,
                   authoritative_source AS AuthoritativeSource, reported, authoritative_figure AS AuthoritativeFigure, detail
            FROM discrepancies
            """ + Filter + " ORDER BY id DESC LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        return new ResultPage<DiscrepancyDto>([.. rows.Select(r => new DiscrepancyDto(r.Id, Instants.FromMicros(r.DetectedAt), r.Sku, r.Node,
            r.Type, r.Source, r.EventId, r.AuthoritativeSource, r.Reported, r.AuthoritativeFigure, r.Detail))], page, pageSize, total);
    }

    public async Task<ResultPage<CountVarianceDto>> VariancesAsync(string? sku, string? node, int page, int pageSize, CancellationToken ct)
    {
        var args = new { sku, node, limit = pageSize, offset = (long)(page - 1) * pageSize };
        await using var conn = await db.OpenAsync(ct);
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM count_variances" + Filter, args, cancellationToken: ct));
        var rows = await conn.QueryAsync<VarianceRow>(new CommandDefinition("""
            SELECT source, event_id AS EventId, sku, node, counted_at AS CountedAt, counted, system, variance FROM count_variances
            """ + Filter + " ORDER BY counted_at DESC, source, event_id LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        return new ResultPage<CountVarianceDto>([.. rows.Select(r => new CountVarianceDto(r.Source, r.EventId, r.Sku, r.Node,
            Instants.FromMicros(r.CountedAt), r.Counted, r.System, r.Variance))], page, pageSize, total);
    }

    sealed class DiscrepancyRow
    {
        public long Id { get; init; }
        public long DetectedAt { get; init; }
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public string Type { get; init; } = "";
        public string Source { get; init; } = "";
        public string EventId { get; init; } = "";
        public string AuthoritativeSource { get; init; } = "";
        public long Reported { get; init; }
        public long AuthoritativeFigure { get; init; }
        public string Detail { get; init; } = "";
    }

    sealed class VarianceRow
    {
        public string Source { get; init; } = "";
        public string EventId { get; init; } = "";
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public long CountedAt { get; init; }
        public long Counted { get; init; }
        public long System { get; init; }
        public long Variance { get; init; }
    }
}
