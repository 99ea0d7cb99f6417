using System.Globalization;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Experiments;
using InventoryRules.Api.RuleSets;
using InventoryRules.Engine.Decisions;
using InventoryRules.Engine.Experiments;
using InventoryRules.Rules.Compilation;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api.Jobs;

/// <summary>
/// Triggered: an experiment's offline replay. Reads the segment's logged source decisions in [from, to) in
/// (created_at, id) order, decides each logged request again against its logged snapshot under the control
/// and the variant version (pure engine, nothing reserved), and writes both outcomes with the checkpoint in
/// one transaction per batch: a run killed half-way resumes after its last committed batch, and the
/// outcomes' key keeps any decision from counting twice.
/// </summary>
public sealed class ExperimentReplayJob(
    ExperimentRepository experiments, OutcomeRepository outcomes, LoggedDecisions logged, RuleSetRepository ruleSets, RuleSetCatalog catalog,
    Database db, IOptions<JobsOptions> options, ILogger<ExperimentReplayJob> log) : IInventoryJob
{
    public string Name => ReplayRecord.Job;

    public string Title => "Experiment replay";

    public JobKind Kind => JobKind.Triggered;

    public string? DefaultSchedule => null;

    public string? NotRunByHand => "a replay belongs to an experiment: start it with POST /v1/experiments/{id}/replay";

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var replay = await experiments.GetReplayAsync(run.Argument ?? throw new InvalidOperationException("experiment-replay needs a replay id"), ct)
            ?? throw new InvalidOperationException($"replay {run.Argument} does not exist");
        var experiment = (await experiments.GetAsync(replay.ExperimentId, ct))!;
        var control = await CompiledAsync(experiment.ControlRuleSetId, ct);
        var variant = await CompiledAsync(experiment.VariantRuleSetId, ct);
        var total = await logged.CountAsync(experiment.Segment, replay.FromAt, replay.ToAt, ct);
        var (afterAt, afterId) = Parse(run.Checkpoint);
        var done = run.Done;
        if (run.Checkpoint is null)
        {
            run.Note($"replaying {total} decisions of segment {experiment.Segment} under v{experiment.ControlVersion} (control) and v{experiment.VariantVersion} (variant)");
            await run.ProgressAsync(0, total, ct);
        }
        var books = new BookCache(catalog, experiment.Segment, control, variant);
        while (true)
        {
            var rows = await logged.BatchAsync(experiment.Segment, replay.FromAt, replay.ToAt, afterAt, afterId, options.Value.ReplayBatchSize, ct);
            if (rows.Count == 0) break;
            var decisions = await logged.ParseAsync(rows, ct);
            var pairs = new (RuleBook Control, RuleBook Variant)[decisions.Count];
            for (var i = 0; i < decisions.Count; i++) pairs[i] = await books.ForAsync(decisions[i].Snapshot.Now, ct);
            var written = new OutcomeRow[decisions.Count * 2];
            var differed = 0;
            Parallel.For(0, decisions.Count, new ParallelOptions { CancellationToken = ct }, i =>
            {
                var d = decisions[i];
                var (a, b) = PairedReplay.Decide(d.Request, d.Snapshot, pairs[i].Control, pairs[i].Variant);
                written[2 * i] = OutcomeRow.From(experiment.Id, replay.Id, d.Id, d.CreatedAt, ArmAssignment.Control, a);
                written[2 * i + 1] = OutcomeRow.From(experiment.Id, replay.Id, d.Id, d.CreatedAt, ArmAssignment.Variant, b);
                if (a != b) Interlocked.Increment(ref differed);
            });
            (afterAt, afterId) = (rows[^1].CreatedAt, rows[^1].Id);
            done += rows.Count;
            run.Count("decisions", rows.Count);
            run.Count("differed", differed);
            var checkpoint = string.Create(CultureInfo.InvariantCulture, $"{afterAt}:{afterId}");
            await StoreRetry.WriteAsync(db, log, "experiment replay batch", async () =>
            {
                await using var conn = await db.OpenAsync(ct);
                await using var tx = await conn.BeginTransactionAsync(ct);
                await outcomes.InsertAsync(tx, written, ct);
                await run.SaveAsync(tx, checkpoint, done, Math.Max(total, done), ct);
                await tx.CommitAsync(ct);
                return 0;
            }, ct);
        }
        run.Note($"{done} decisions replayed; {run.Summary.GetValueOrDefault("differed")} decided differently under the variant");
        await run.ProgressAsync(done, Math.Max(total, done), ct);
    }

    async Task<CompiledRuleSet> CompiledAsync(string id, CancellationToken ct) =>
        catalog.Compiled(await ruleSets.GetAsync(id, ct) ?? throw new InvalidOperationException($"rule set {id} of the experiment is gone"));

    /// <summary>"createdAtMicros:decisionId" of the last decision a committed batch covered; the start on a fresh run.</summary>
    static (long At, string Id) Parse(string? checkpoint)
    {
        if (checkpoint is null) return (long.MinValue, "");
        var colon = checkpoint.IndexOf(':', StringComparison.Ordinal);
        return (long.Parse(checkpoint.AsSpan(0, colon), CultureInfo.InvariantCulture), checkpoint[(colon + 1)..]);
    }

    /// <summary>
    /// The arms' rule books at a logged instant: each arm's own version with the other segments' versions that
    /// were in force then (their holds bound the logged decision too). Consecutive decisions share them.
    /// </summary>
    sealed class BookCache(RuleSetCatalog catalog, string segment, CompiledRuleSet control, CompiledRuleSet variant)
    {
        string? key;
        (RuleBook, RuleBook) books;

        public async ValueTask<(RuleBook Control, RuleBook Variant)> ForAsync(DateTimeOffset at, CancellationToken ct)
        {
            var others = (await catalog.ActiveForAllAsync(at, ct)).Where(a => a.Key != segment).OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => a.Value).ToList();
            var now = string.Join('|', others.Select(o => o.Id));
            if (now != key)
            {
                books = (new RuleBook(control, others), new RuleBook(variant, others));
                key = now;
            }
            return books;
        }
    }
}
