using System.Data.Common;
using Dapper;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.RuleSets;

/// <summary>
/// Rule set versions. Published rows are never updated except to archive them: every change to the
/// rules is a new version, so the history is never rewritten. Version numbers count per segment.
/// </summary>
public sealed class RuleSetRepository(Database db)
{
    const string Columns = """
        SELECT id, segment, version, status, name, document, revision, author, created_at AS CreatedAt,
               updated_at AS UpdatedAt, updated_by AS UpdatedBy, based_on AS BasedOn, published_at AS PublishedAt, published_by AS PublishedBy,
               publish_comment AS PublishComment, effective_from AS EffectiveFrom, archived_at AS ArchivedAt,
               archived_by AS ArchivedBy
        FROM rule_sets
        """;

    const string Insert = """
        INSERT INTO rule_sets (id, segment, version, status, name, document, revision, author, created_at, updated_at, updated_by,
                               based_on, published_at, published_by, publish_comment, effective_from)
        VALUES (@Id, @Segment, @Version, @Status, @Name, @Document, 1, @Author, @CreatedAt, @CreatedAt, @Author,
                @BasedOn, @PublishedAt, @PublishedBy, @PublishComment, @EffectiveFrom)
        """;

    public enum Change { Done, NotFound, NotDraft, RevisionMismatch, Active }

    public async Task<IReadOnlyList<RuleSetRecord>> ListAsync(string? segment, string? status, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return [.. await conn.QueryAsync<RuleSetRecord>(new CommandDefinition(
            Columns + " WHERE (@segment IS NULL OR segment = @segment) AND (@status IS NULL OR status = @status) ORDER BY segment, version DESC",
            new { segment, status }, cancellationToken: ct))];
    }

    public async Task<RuleSetRecord?> GetAsync(string id, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return await GetAsync(conn, null, id, ct);
    }

    /// <summary>Every published version, oldest first: the catalogue picks each segment's active one.</summary>
    public Task<IReadOnlyList<RuleSetRecord>> PublishedAsync(CancellationToken ct) => ListAsync(null, RuleSetRecord.Published, ct);

    public Task<RuleSetRecord> CreateDraftAsync(string segment, string name, string document, string author, string? basedOn, long now, CancellationToken ct) =>
        InsertNextVersionAsync(new RuleSetRecord
        {
            Segment = segment, Name = name, Document = document, Author = author, BasedOn = basedOn, CreatedAt = now,
        }, ct);

    /// <summary>A rollback: the content of <paramref name="from"/> published again as a new version, effective now.</summary>
    public Task<RuleSetRecord> PublishCopyAsync(RuleSetRecord from, string by, string comment, long now, CancellationToken ct) =>
        InsertNextVersionAsync(new RuleSetRecord
        {
            Segment = from.Segment, Name = from.Name, Document = from.Document, Author = by, BasedOn = from.Id,
            Status = RuleSetRecord.Published, CreatedAt = now, PublishedAt = now, PublishedBy = by, PublishComment = comment,
            EffectiveFrom = now,
        }, ct);

    public Task<Change> UpdateDraftAsync(string id, long expectedRevision, string name, string document, string by, long now, CancellationToken ct) =>
        ChangeDraftAsync(id, expectedRevision, """
            UPDATE rule_sets SET name = @name, document = @document, revision = revision + 1, updated_at = @now, updated_by = @by
            WHERE id = @id AND status = 'draft' AND revision = @expectedRevision
            """, new { id, expectedRevision, name, document, by, now }, ct);

    /// <summary>Publishes the draft exactly as validated: the revision must not have moved since.</summary>
    public Task<Change> PublishAsync(string id, long validatedRevision, string by, string? comment, long effectiveFrom, long now, CancellationToken ct) =>
        ChangeDraftAsync(id, validatedRevision, """
            UPDATE rule_sets SET status = 'published', published_at = @now, published_by = @by, publish_comment = @comment,
                   effective_from = @effectiveFrom, updated_at = @now, updated_by = @by
            WHERE id = @id AND status = 'draft' AND revision = @expectedRevision
            """, new { id, expectedRevision = validatedRevision, by, comment, effectiveFrom, now }, ct);

    public async Task<Change> ArchiveAsync(string id, string by, long now, bool isActive, CancellationToken ct)
    {
        if (isActive) return Change.Active;
        return await WriteAsync(async (conn, tx) =>
        {
            var changed = await conn.ExecuteAsync(new CommandDefinition(
                "UPDATE rule_sets SET status = 'archived', archived_at = @now, archived_by = @by, updated_at = @now, updated_by = @by WHERE id = @id AND status <> 'archived'",
                new { id, by, now }, tx, cancellationToken: ct));
            if (changed == 1) return Change.Done;
            return await GetAsync(conn, tx, id, ct) is null ? Change.NotFound : Change.NotDraft;
        }, ct);
    }

    async Task<Change> ChangeDraftAsync(string id, long expectedRevision, string sql, object args, CancellationToken ct) =>
        await WriteAsync(async (conn, tx) =>
        {
            if (await conn.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct)) == 1) return Change.Done;
            var current = await GetAsync(conn, tx, id, ct);
            return current is null ? Change.NotFound
                : current.Status != RuleSetRecord.Draft ? Change.NotDraft
                : current.Revision != expectedRevision ? Change.RevisionMismatch
                : Change.NotFound;
        }, ct);

    async Task<RuleSetRecord> InsertNextVersionAsync(RuleSetRecord record, CancellationToken ct)
    {
        // Two planners creating versions of one segment at once race for the number; the unique
        // (segment, version) constraint lets one win and the other takes the next number.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(async (conn, tx) =>
                {
                    var next = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
                        "SELECT COALESCE(MAX(version), 0) + 1 FROM rule_sets WHERE segment = @Segment", new { record.Segment }, tx, cancellationToken: ct));
                    var saved = record with { Id = $"{record.Segment}-v{next}", Version = next, Revision = 1, UpdatedAt = record.CreatedAt };
                    await conn.ExecuteAsync(new CommandDefinition(Insert, saved, tx, cancellationToken: ct));
                    return saved;
                }, ct);
            }
            catch (DbException ex) when (attempt < 5 && Duplicates.IsUniqueViolation(ex))
            {
            }
        }
    }

    async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        if (!db.IsPostgres) await db.WriteLock.WaitAsync(ct);
        try
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var result = await work(conn, tx);
            await tx.CommitAsync(ct);
            return result;
        }
        finally
        {
            if (!db.IsPostgres) db.WriteLock.Release();
        }
    }

    static Task<RuleSetRecord?> GetAsync(DbConnection conn, DbTransaction? tx, string id, CancellationToken ct) =>
        conn.QuerySingleOrDefaultAsync<RuleSetRecord>(new CommandDefinition(Columns + " WHERE id = @id", new { id }, tx, cancellationToken: ct));
}
