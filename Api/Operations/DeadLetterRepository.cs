using System.Text.Json;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Positions;

namespace InventoryRules.Api.Operations;

/// <summary>The dead-letter store: refused events, inspected and replayed by operators and integrations.</summary>
public sealed class DeadLetterRepository(Database db, TimeProvider clock)
{
    public const string Open = "open";
    public const string Replayed = "replayed";

    const string Columns = """
        SELECT id, received_at AS ReceivedAt, batch_index AS BatchIndex, source, event_id AS EventId, code, field, message,
               payload, status, attempts, last_attempt_at AS LastAttemptAt, replayed_at AS ReplayedAt, replay_outcome AS ReplayOutcome
        FROM dead_letters
        """;

    public async Task<ResultPage<DeadLetterDto>> ListAsync(string? status, string? source, string? code, int page, int pageSize, CancellationToken ct)
    {
        const string Where = " WHERE (@status IS NULL OR status = @status) AND (@source IS NULL OR source = @source) AND (@code IS NULL OR code = @code)";
        var args = new { status, source, code, limit = pageSize, offset = (long)(page - 1) * pageSize };
        await using var conn = await db.OpenAsync(ct);
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM dead_letters" + Where, args, cancellationToken: ct));
        var rows = await conn.QueryAsync<Row>(new CommandDefinition(Columns + Where + " ORDER BY id DESC LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        return new ResultPage<DeadLetterDto>([.. rows.Select(r => r.ToDto())], page, pageSize, total);
    }

    public async Task<DeadLetterDto?> GetAsync(long id, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Columns + " WHERE id = @id", new { id }, cancellationToken: ct));
        return row?.ToDto();
    }

    /// <summary>Records a replay attempt; a successful one (accepted or already stored) closes the letter.</summary>
    public async Task RecordAttemptAsync(long id, bool succeeded, string outcome, CancellationToken ct)
    {
        if (!db.IsPostgres) await db.WriteLock.WaitAsync(ct);
        try
        {
            var now = Instants.ToMicros(clock.GetUtcNow());
            await using var conn = await db.OpenAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition("""
                UPDATE dead_letters SET attempts = attempts + 1, last_attempt_at = @now, replay_outcome = @outcome,
                    status = CASE WHEN @succeeded THEN 'replayed' ELSE status END,
                    replayed_at = CASE WHEN @succeeded THEN @now ELSE replayed_at END
                WHERE id = @id
                """, new { id, now, outcome, succeeded }, cancellationToken: ct));
        }
        finally
        {
            if (!db.IsPostgres) db.WriteLock.Release();
        }
    }

    sealed class Row
    {
        public long Id { get; init; }
        public long ReceivedAt { get; init; }
        public long BatchIndex { get; init; }
        public string? Source { get; init; }
        public string? EventId { get; init; }
        public string Code { get; init; } = "";
        public string Field { get; init; } = "";
        public string Message { get; init; } = "";
        public string Payload { get; init; } = "";
        public string Status { get; init; } = "";
        public long Attempts { get; init; }
        public long? LastAttemptAt { get; init; }
        public long? ReplayedAt { get; init; }
        public string? ReplayOutcome { get; init; }

        public DeadLetterDto ToDto() => new(Id, Instants.FromMicros(ReceivedAt), (int)BatchIndex, Source, EventId, Code, Field, Message,
            TryParse(Payload), Payload, Status, (int)Attempts, Instants.FromMicros(LastAttemptAt), Instants.FromMicros(ReplayedAt), ReplayOutcome);

        // A dead letter may hold text that is not JSON at all; it is then shown raw only.
        static JsonElement? TryParse(string payload)
        {
            try
            {
                using var doc = JsonDocument.Parse(payload);
                return doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
