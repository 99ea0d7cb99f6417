using System.Globalization;
using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.RuleSets;
using InventoryRules.Api.Stock;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Model;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// Recurring, every minute: hold rules in force whose expiresAt has passed but whose stored rows still keep
/// units. Those rows' skus are re-evaluated (every node of them, as the peak ratio is per item), which
/// releases the units (hold rows expired at 0, held bucket down). Looking at the stored rows rather than
/// only at the window since the last run also catches a hold that a full run, started before the expiry,
/// wrote back as in force; and a run that finds nothing does nothing. Decisions never wait for this job:
/// they apply expiresAt themselves at read time.
/// </summary>
public sealed class HoldExpiryJob(Database db, RuleSetCatalog catalog, StockFigureSync sync, TimeProvider clock) : IInventoryJob
{
    public const string JobName = "hold-expiry";

    const string StillKept = "SELECT DISTINCT sku FROM stock_holds WHERE segment = @segment AND rule_id = @rule AND state <> 'expired'";

    const string LastSuccess = "SELECT MAX(started_at) FROM job_runs WHERE job = @job AND status = 'succeeded'";

    public string Name => JobName;

    public string Title => "Expiry of holds";

    public JobKind Kind => JobKind.Recurring;

    public string? DefaultSchedule => "* * * * *";

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = (await catalog.ActiveForAllAsync(now, ct))
            .SelectMany(a => a.Value.OfKind(RuleKinds.Hold).Select(r => (Segment: a.Key, Rule: (HoldRule)r.Rule)))
            .Where(h => h.Rule.ExpiresAt is { } at && at <= now)
            .OrderBy(h => h.Segment, StringComparer.Ordinal).ThenBy(h => h.Rule.Id, StringComparer.Ordinal).ToList();
        await using var conn = await db.OpenAsync(ct);
        var since = Instants.FromMicros(await conn.ExecuteScalarAsync<long?>(new CommandDefinition(LastSuccess, new { job = JobName }, cancellationToken: ct)));
        var skus = new SortedSet<string>(StringComparer.Ordinal);
        var releasing = 0;
        foreach (var (segment, rule) in expired)
        {
            var kept = (await conn.QueryAsync<string>(new CommandDefinition(StillKept, new { segment, rule = rule.Id }, cancellationToken: ct))).ToList();
            if (kept.Count == 0) continue;
            releasing++;
            skus.UnionWith(kept);
            run.Note($"hold {rule.Id} ({segment}) expired at {At(rule.ExpiresAt!.Value)}: re-evaluating {kept.Count} sku{(kept.Count == 1 ? "" : "s")}");
        }
        run.Count(StockCounters.HoldsExpired, releasing);
        if (releasing == 0)
        {
            var window = since is { } s ? $"since {At(s)}" : "so far";
            run.Note(expired.Count == 0 ? $"no hold rule in force has expired {window}; nothing to release"
                : $"no hold expired {window} keeps units any more; nothing to release");
            await run.ProgressAsync(0, 0, ct);
            return;
        }
        await sync.RunAsync(run, [.. skus], ct);
    }

    static string At(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
