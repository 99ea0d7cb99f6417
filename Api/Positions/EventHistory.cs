using Dapper;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.Positions;

/// <summary>A position's events in the order they occurred, with what ingest did with each.</summary>
public sealed class EventHistory(Database db)
{
    const string Where = """
         WHERE sku = @sku AND node = @node AND (@from IS NULL OR occurred_at >= @from) AND (@to IS NULL OR occurred_at <= @to)
        """;

    public async Task<ResultPage<EventRecordDto>> ForPositionAsync(string sku, string node, long? from, long? to, int page, int pageSize, CancellationToken ct)
    {
        var args = new { sku, node, from, to, limit = pageSize, offset = (long)(page - 1) * pageSize };
        await using var conn = await db.OpenAsync(ct);
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM events" + Where, args, cancellationToken: ct));
        var rows = await conn.QueryAsync<Row>(new CommandDefinition("""
            SELECT event_id AS EventId, source, sequence, occurred_at AS OccurredAt, received_at AS ReceivedAt, type, sku, node,
                   quantity, uom, eaches, d_on_hand AS OnHandDelta, d_damaged AS DamagedDelta, d_quarantined AS QuarantinedDelta,
                   count_qty AS CountedOnHand, outcome, lot, serial, expiry, reason, from_status AS FromStatus,
                   to_status AS ToStatus, eta, to_node AS ToNode, reference
            FROM events
            """ + Where + " ORDER BY occurred_at, source, event_id LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        return new ResultPage<EventRecordDto>([.. rows.Select(r => r.ToDto())], page, pageSize, total);
    }

    sealed class Row
    {
        public string EventId { get; init; } = "";
        public string Source { get; init; } = "";
        public long? Sequence { get; init; }
        public long OccurredAt { get; init; }
        public long ReceivedAt { get; init; }
        public string Type { get; init; } = "";
        public string Sku { get; init; } = "";
        public string Node { get; init; } = "";
        public decimal Quantity { get; init; }
        public string Uom { get; init; } = "";
        public long Eaches { get; init; }
        public long OnHandDelta { get; init; }
        public long DamagedDelta { get; init; }
        public long QuarantinedDelta { get; init; }
        public long? CountedOnHand { get; init; }
        public string Outcome { get; init; } = "";
        public string? Lot { get; init; }
        public string? Serial { get; init; }
        public long? Expiry { get; init; }
        public string? Reason { get; init; }
        public string? FromStatus { get; init; }
        public string? ToStatus { get; init; }
        public long? Eta { get; init; }
        public string? ToNode { get; init; }
        public string? Reference { get; init; }

        public EventRecordDto ToDto() => new(EventId, Source, Sequence, Instants.FromMicros(OccurredAt), Instants.FromMicros(ReceivedAt),
            Type, Sku, Node, Quantity, Uom, Eaches, OnHandDelta, DamagedDelta, QuarantinedDelta, CountedOnHand, Outcome, Lot, Serial,
            Instants.FromMicros(Expiry), Reason, FromStatus, ToStatus, Instants.FromMicros(Eta), ToNode, Reference);
    }
}
