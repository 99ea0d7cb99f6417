using Dapper;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.RuleSets;

/// <summary>
/// Feedback on rule set versions. Comments are never edited; they are listed per segment because rule
/// ids are stable across a segment's versions, so feedback on one version belongs beside the same rule
/// in the next draft.
/// </summary>
public sealed class RuleCommentRepository(Database db)
{
    // Settable properties rather than a positional record: Dapper matches constructors by column type,
    // and the stores report INTEGER and NULL columns differently.
    public sealed record Comment
    {
        public long Id { get; init; }
        public string RuleSetId { get; init; } = "";
        public string Segment { get; init; } = "";
        public long Version { get; init; }
        public string? RuleId { get; init; }
        public string Author { get; init; } = "";
        public string Role { get; init; } = "";
        public string Body { get; init; } = "";
        public long CreatedAt { get; init; }
    }

    const string Insert = """
        INSERT INTO rule_comments (rule_set_id, segment, version, rule_id, author, role, body, created_at)
        VALUES (@RuleSetId, @Segment, @Version, @RuleId, @Author, @Role, @Body, @CreatedAt)
        RETURNING id
        """;

    // Newest first; the id breaks ties between comments of the same microsecond.
    const string Select = """
        SELECT id, rule_set_id AS RuleSetId, segment, version, rule_id AS RuleId, author, role, body, created_at AS CreatedAt
        FROM rule_comments
        WHERE segment = @segment AND (@ruleId IS NULL OR rule_id = @ruleId)
        ORDER BY created_at DESC, id DESC
        """;

    public async Task<Comment> AddAsync(Comment comment, CancellationToken ct)
    {
        if (!db.IsPostgres) await db.WriteLock.WaitAsync(ct);
        try
        {
            await using var conn = await db.OpenAsync(ct);
            var id = await conn.ExecuteScalarAsync<long>(new CommandDefinition(Insert, comment, cancellationToken: ct));
            return comment with { Id = id };
        }
        finally
        {
            if (!db.IsPostgres) db.WriteLock.Release();
        }
    }

    /// <summary>The comments on every version of <paramref name="segment"/>, newest first; only those on <paramref name="ruleId"/> when given.</summary>
    public async Task<IReadOnlyList<Comment>> ListAsync(string segment, string? ruleId, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return [.. await conn.QueryAsync<Comment>(new CommandDefinition(Select, new { segment, ruleId }, cancellationToken: ct))];
    }
}
