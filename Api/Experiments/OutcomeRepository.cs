using System.Data.Common;
using System.Text;
using Dapper;
using InventoryRules.Api.Data;

namespace InventoryRules.Api.Experiments;

/// <summary>
/// experiment_outcomes. Rows are written in the replay batch's transaction, and the key (experiment,
/// replay, decision, arm) with ON CONFLICT DO NOTHING makes a batch written twice count once.
/// </summary>
public sealed class OutcomeRepository(Database db)
{
    /// <summary>Rows per INSERT: 14 parameters each stays well below both stores' parameter limits.</summary>
    const int RowsPerStatement = 200;

    const string Into = """
        INSERT INTO experiment_outcomes (experiment_id, replay_id, decision_id, arm, decision_created_at, requested, filled, fully_filled,
                                         nodes, cost, margin_requested, margin_filled, backordered, promise_attained)
        VALUES
        """;

    const string Select = """
        SELECT experiment_id AS ExperimentId, replay_id AS ReplayId, decision_id AS DecisionId, arm AS Arm,
               decision_created_at AS DecisionCreatedAt, requested AS Requested, filled AS Filled, fully_filled AS FullyFilled, nodes AS Nodes,
               cost AS Cost, margin_requested AS MarginRequested, margin_filled AS MarginFilled, backordered AS Backordered,
               promise_attained AS PromiseAttained
        FROM experiment_outcomes
        WHERE experiment_id = @experimentId AND replay_id = @replayId
        ORDER BY decision_created_at, decision_id, arm
        """;

    public async Task InsertAsync(DbTransaction tx, IReadOnlyList<OutcomeRow> rows, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var chunk = rows.Skip(start).Take(RowsPerStatement).ToList();
            var sql = new StringBuilder(Into);
            var args = new DynamicParameters();
            for (var i = 0; i < chunk.Count; i++)
            {
                var r = chunk[i];
                sql.Append(i == 0 ? "\n" : ",\n").Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"(@e{i}, @r{i}, @d{i}, @a{i}, @t{i}, @q{i}, @f{i}, @ff{i}, @n{i}, @c{i}, @mr{i}, @mf{i}, @b{i}, @p{i})");
                args.Add($"e{i}", r.ExperimentId);
                args.Add($"r{i}", r.ReplayId);
                args.Add($"d{i}", r.DecisionId);
                args.Add($"a{i}", r.Arm);
                args.Add($"t{i}", r.DecisionCreatedAt);
                args.Add($"q{i}", r.Requested);
                args.Add($"f{i}", r.Filled);
                args.Add($"ff{i}", r.FullyFilled);
                args.Add($"n{i}", r.Nodes);
                args.Add($"c{i}", r.Cost);
                args.Add($"mr{i}", r.MarginRequested);
                args.Add($"mf{i}", r.MarginFilled);
                args.Add($"b{i}", r.Backordered);
                args.Add($"p{i}", r.PromiseAttained, System.Data.DbType.Int32);
            }
            sql.Append("\nON CONFLICT (experiment_id, replay_id, decision_id, arm) DO NOTHING");
            await tx.Connection!.ExecuteAsync(new CommandDefinition(sql.ToString(), args, tx, cancellationToken: ct));
        }
    }

    /// <summary>One page of a replay's outcomes in the replay's order, and how many there are.</summary>
    public async Task<(IReadOnlyList<OutcomeRow> Rows, long Total)> PageAsync(string experimentId, string replayId, int page, int pageSize,
        CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        var args = new { experimentId, replayId, limit = pageSize, offset = (page - 1) * pageSize };
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM experiment_outcomes WHERE experiment_id = @experimentId AND replay_id = @replayId", args, cancellationToken: ct));
        var rows = await conn.QueryAsync<OutcomeRow>(new CommandDefinition(Select + "\nLIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        return ([.. rows], total);
    }

    /// <summary>Every outcome of a replay, in the order the replay read the decisions.</summary>
    public async Task<IReadOnlyList<OutcomeRow>> ForReplayAsync(string experimentId, string replayId, CancellationToken ct)
    {
        await using var conn = await db.OpenAsync(ct);
        return [.. await conn.QueryAsync<OutcomeRow>(new CommandDefinition(Select, new { experimentId, replayId }, cancellationToken: ct))];
    }
}
