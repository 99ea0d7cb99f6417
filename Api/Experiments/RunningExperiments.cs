using InventoryRules.Api.Data;
using InventoryRules.Api.RuleSets;
using InventoryRules.Engine.Decisions;
using InventoryRules.Engine.Experiments;
using InventoryRules.Rules.Compilation;

namespace InventoryRules.Api.Experiments;

/// <summary>
/// The running experiments per segment, for the decision path: read from the store after a start or stop
/// on this replica and at least every <see cref="RefreshEvery"/> (another replica may have started or
/// stopped one), swapped in whole, with both arms' versions compiled once. A decision pays a dictionary
/// look-up, and a SHA-256 of a short string when its segment has an experiment.
/// </summary>
public sealed class RunningExperiments(ExperimentRepository experiments, RuleSetRepository ruleSets, RuleSetCatalog catalog, TimeProvider clock)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    readonly SemaphoreSlim loading = new(1, 1);
    volatile State? state;
    IReadOnlyDictionary<string, Running> known = new Dictionary<string, Running>();

    sealed record Running(ExperimentRecord Experiment, CompiledRuleSet Control, CompiledRuleSet Variant);

    sealed record State(IReadOnlyDictionary<string, Running[]> BySegment, DateTimeOffset LoadedAt);

    /// <summary>
    /// The arm for this order when a running experiment covers its segment at <paramref name="now"/>; null
    /// otherwise (the version in force decides).
    /// </summary>
    public async ValueTask<LiveArm?> AssignAsync(DecisionRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var current = await StateAsync(ct);
        if (!current.BySegment.TryGetValue(request.Segment, out var running)) return null;
        var micros = Instants.ToMicros(now);
        foreach (var r in running)
        {
            var e = r.Experiment;
            if (!e.Covers(micros)) continue;
            var key = e.AssignmentKey == ExperimentRecord.ByCustomer ? request.Customer.Id : request.OrderId;
            var arm = ArmAssignment.Assign(e.Id, key, e.TrafficShare);
            return new LiveArm(e.Id, arm, arm == ArmAssignment.Variant ? r.Variant : r.Control);
        }
        return null;
    }

    /// <summary>After a start or stop on this replica: the next decision reloads.</summary>
    public void Invalidate() => state = null;

    async ValueTask<State> StateAsync(CancellationToken ct)
    {
        var current = state;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < RefreshEvery) return current;
        // A due refresh must not stall decisions: while one caller reloads, the others decide on the state they
        // have. Only without any state (first use, or a start or stop here) do they wait for it.
        if (current is not null)
        {
            if (!loading.Wait(0)) return current;
        }
        else
        {
            await loading.WaitAsync(ct);
        }
        try
        {
            if (state is { } fresh && !ReferenceEquals(fresh, current) && clock.GetUtcNow() - fresh.LoadedAt < RefreshEvery) return fresh;
            var loaded = new List<Running>();
            foreach (var e in await experiments.RunningAsync(ct))
            {
                // An experiment's versions never change: compile and fetch them once, not on every refresh.
                if (known.TryGetValue(e.Id, out var seen))
                {
                    loaded.Add(seen with { Experiment = e });
                    continue;
                }
                if (await ruleSets.GetAsync(e.ControlRuleSetId, ct) is not { } control || await ruleSets.GetAsync(e.VariantRuleSetId, ct) is not { } variant)
                {
                    continue;
                }
                loaded.Add(new Running(e, catalog.Compiled(control), catalog.Compiled(variant)));
            }
            known = loaded.ToDictionary(r => r.Experiment.Id, StringComparer.Ordinal);
            var next = new State(loaded.GroupBy(r => r.Experiment.Segment, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Experiment.StartedAt).ToArray(), StringComparer.Ordinal), clock.GetUtcNow());
            state = next;
            return next;
        }
        finally
        {
            loading.Release();
        }
    }
}
