using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using InventoryRules.Api.Data;
using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Model;

namespace InventoryRules.Api.RuleSets;

/// <summary>
/// Compiled rule set versions for decisions. A published version never changes, so it is compiled once
/// and kept; which version is active per segment is re-read after every publish here and at least every
/// <see cref="RefreshEvery"/> (another replica may have published), and swapped in whole.
/// </summary>
public sealed class RuleSetCatalog(RuleSetRepository repository, TimeProvider clock)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    readonly ConcurrentDictionary<string, CompiledRuleSet> compiled = new(StringComparer.Ordinal);
    readonly SemaphoreSlim loading = new(1, 1);
    volatile Schedule? schedule;

    /// <summary>Published versions per segment, newest effective first.</summary>
    sealed record Schedule(IReadOnlyDictionary<string, RuleSetRecord[]> BySegment, DateTimeOffset LoadedAt);

    /// <summary>The version in force for the segment at <paramref name="at"/>, or null when none is published.</summary>
    public async Task<CompiledRuleSet?> ActiveAsync(string segment, DateTimeOffset at, CancellationToken ct)
    {
        var record = ActiveRecord(await ScheduleAsync(ct), segment, at);
        return record is null ? null : Compiled(record);
    }

    /// <summary>
    /// The version in force for every segment that has one at <paramref name="at"/>: a decision follows its
    /// own segment's rules and respects the holds the others ring-fence.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, CompiledRuleSet>> ActiveForAllAsync(DateTimeOffset at, CancellationToken ct)
    {
        var current = await ScheduleAsync(ct);
        var result = new Dictionary<string, CompiledRuleSet>(StringComparer.Ordinal);
        foreach (var segment in current.BySegment.Keys)
        {
            if (ActiveRecord(current, segment, at) is { } record) result[segment] = Compiled(record);
        }
        return result;
    }

    /// <summary>The id of the version in force for the segment now.</summary>
    public async Task<string?> ActiveIdAsync(string segment, CancellationToken ct) =>
        ActiveRecord(await ScheduleAsync(ct), segment, clock.GetUtcNow())?.Id;

    /// <summary>Any published or archived version, compiled (simulation and replay use old versions too).</summary>
    public CompiledRuleSet Compiled(RuleSetRecord record) =>
        compiled.GetOrAdd(record.Id, _ =>
        {
            var document = RuleSetJson.TryRead(JsonNode.Parse(record.Document))
                ?? throw new InvalidOperationException($"stored rule set {record.Id} cannot be read");
            var (ruleSet, problems) = CompiledRuleSet.Compile(record.Id, record.Version, document);
            return ruleSet ?? throw new InvalidOperationException($"stored rule set {record.Id} does not compile: {problems[0].Message}");
        });

    /// <summary>After a publish, rollback or archive on this replica: the next read reloads the schedule.</summary>
    public void Invalidate() => schedule = null;

    static RuleSetRecord? ActiveRecord(Schedule schedule, string segment, DateTimeOffset at)
    {
        var micros = Instants.ToMicros(at);
        return schedule.BySegment.TryGetValue(segment, out var versions)
            ? versions.FirstOrDefault(v => v.EffectiveFrom <= micros)
            : null;
    }

    async ValueTask<Schedule> ScheduleAsync(CancellationToken ct)
    {
        var current = schedule;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < RefreshEvery) return current;
        await loading.WaitAsync(ct);
        try
        {
            if (schedule is { } fresh && !ReferenceEquals(fresh, current) && clock.GetUtcNow() - fresh.LoadedAt < RefreshEvery) return fresh;
            var published = await repository.PublishedAsync(ct);
            var loaded = new Schedule(published.GroupBy(r => r.Segment, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.Version).ToArray(),
                StringComparer.Ordinal), clock.GetUtcNow());
            schedule = loaded;
            return loaded;
        }
        finally
        {
            loading.Release();
        }
    }
}
