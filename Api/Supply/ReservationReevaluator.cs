using Dapper;
using InventoryRules.Api.Data;
using InventoryRules.Api.Decisions;
using InventoryRules.Api.Jobs;
using InventoryRules.Api.RuleSets;
using InventoryRules.Engine.Decisions;
using InventoryRules.Rules.Background;
using InventoryRules.Rules.Background.Reservations;

namespace InventoryRules.Api.Supply;

/// <summary>
/// After a publish: the segment's open reservations judged under the published version (each order's logged
/// request, its own units given back so that its node is judged as if deciding it now), then
/// ReservationReevaluation (NRules) flags those at nodes a node_eligibility rule now excludes and, lowest
/// allocation priority first, those a position can no longer cover above the new floors. Flags are written
/// once per reservation and version.
/// </summary>
public sealed class ReservationReevaluator(Database db, SupplyJobLock locks,
    RuleSetRepository ruleSets, RuleSetCatalog catalog, RuleBooks ruleBooks, OpenReservationRepository reservations,
    OrderReviews reviews, TimeProvider clock, ILogger<ReservationReevaluator> log)
{
    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        await using var held = await locks.AcquireAsync(SupplyJobLock.ReservationReevaluation, ct);
        await RunLockedAsync(run, ct);
    }

    async Task RunLockedAsync(JobRun run, CancellationToken ct)
    {
        if (run.Argument is not { } ruleSetId || await ruleSets.GetAsync(ruleSetId, ct) is not { } record || record.Status == RuleSetRecord.Draft)
        {
            run.Note($"rule set {run.Argument ?? "(none)"} is not a published version: nothing to re-evaluate");
            await run.ProgressAsync(0, 0, ct);
            return;
        }
        var now = clock.GetUtcNow();
        var micros = Instants.ToMicros(now);
        var published = catalog.Compiled(record);
        var open = await reservations.OfSegmentAsync(record.Segment, micros, ct);
        var others = await reservations.OthersAtAsync(record.Segment, [.. open.Select(r => r.Sku).Distinct(StringComparer.Ordinal)], micros, ct);
        var own = open.GroupBy(r => r.OrderId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(r => (r.Sku, r.Node)).ToDictionary(p => p.Key, p => p.Sum(r => r.Units)), StringComparer.Ordinal);
        var book = await ruleBooks.WithVersionAsync(published, record.Segment, now, ct);
        var judged = await reviews.ReviewAsync([.. own.Keys], now, _ => Task.FromResult<RuleBook?>(book),
            (request, snapshot) => WithoutOwnUnits(snapshot, own.GetValueOrDefault(request.OrderId)), ct);

        var facts = Facts(open, judged, others, record.Segment);
        var report = ReservationReevaluation.Run(facts.Reservations, facts.Eligibility, facts.Stock, facts.Floors);
        run.Count("open_reservations", open.Count);
        run.Count("flagged", report.Flagged.Count);
        run.Count("kept", report.Kept);
        foreach (var line in report.Lines) run.Note(line);
        if (report.Flagged.Count == 0) run.Note($"{open.Count} open reservations of {record.Segment} all still covered under v{record.Version}");

        var rows = report.Flagged.Select(f => new
        {
            Id = "flg_" + Guid.CreateVersion7().ToString("N"), f.Reservation.ReservationId, f.Reservation.OrderId, f.Reservation.LineId,
            f.Reservation.Segment, f.Reservation.Sku, f.Reservation.Node, Quantity = f.Reservation.Units, f.Reason, f.Detail, RuleSetId = record.Id,
            RuleSetVersion = record.Version, Now = micros,
        }).ToList();
        await StoreRetry.WriteAsync(db, log, "reservation flags", async () =>
        {
            await using var conn = await db.OpenAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(ReservationFlagRepository.ResolveClosed, new { now = micros }, tx, cancellationToken: ct));
            if (rows.Count > 0) await conn.ExecuteAsync(new CommandDefinition(ReservationFlagRepository.Insert, rows, tx, cancellationToken: ct));
            await run.SaveAsync(tx, "flagged", open.Count, open.Count, ct);
            await tx.CommitAsync(ct);
            return rows.Count;
        }, ct);
    }

    sealed record ReevaluationFacts(List<OpenReservation> Reservations, List<NodeEligibility> Eligibility, List<PositionOnHand> Stock,
        List<SegmentFloor> Floors);

    /// <summary>
    /// Eligibility per (order, node): excluded when a node_eligibility rule of the version leaves the node out for
    /// any of the order's reserved lines there (a stale feed or a quarantine is not the publish's doing). On-hand
    /// is net of other segments' open reservations, which their own rules still cover.
    /// </summary>
    static ReevaluationFacts Facts(IReadOnlyList<OpenReservationRepository.Row> open, IReadOnlyDictionary<string, OrderReviews.Reviewed> judged,
        IReadOnlyDictionary<(string Sku, string Node), long> others, string segment)
    {
        var facts = new ReevaluationFacts([], [], [], []);
        var floors = new Dictionary<(string, string), SegmentFloor>();
        var eligibility = new Dictionary<(string, string), NodeEligibility>();
        var stock = new Dictionary<(string, string), PositionOnHand>();
        foreach (var r in open)
        {
            if (!judged.TryGetValue(r.OrderId, out var review)) continue;
            facts.Reservations.Add(new OpenReservation(r.Id, r.OrderId, r.LineId, segment, r.Sku, r.Node, r.Units, review.Verdict.Priority,
                Instants.FromMicros(r.CreatedAt)));
            var verdict = review.Verdict.At(r.LineId, r.Node);
            var key = (r.OrderId, r.Node);
            if (verdict is { ExcludedByRule: true } && eligibility.GetValueOrDefault(key) is not { Eligible: false })
            {
                eligibility[key] = new NodeEligibility(r.OrderId, r.Node, false, verdict.ExcludedBecause);
            }
            var floor = verdict?.Floor ?? 0;
            if (!floors.TryGetValue((r.Sku, r.Node), out var known) || known.Units < floor)
            {
                floors[(r.Sku, r.Node)] = new SegmentFloor(r.Sku, r.Node, segment, verdict?.SafetyStock ?? 0, verdict?.HeldForOthers ?? 0);
            }
            if (!stock.ContainsKey((r.Sku, r.Node)) && review.Snapshot.Positions.FirstOrDefault(p => p.Sku == r.Sku && p.Node == r.Node) is { } position)
            {
                stock[(r.Sku, r.Node)] = new PositionOnHand(r.Sku, r.Node, position.OnHand - others.GetValueOrDefault((r.Sku, r.Node)));
            }
        }
        facts.Eligibility.AddRange(eligibility.Values);
        facts.Floors.AddRange(floors.Values);
        facts.Stock.AddRange(stock.Values);
        return facts;
    }

    /// <summary>The snapshot with the order's own open reservations given back, so its nodes are judged as if deciding it now.</summary>
    static DecisionSnapshot WithoutOwnUnits(DecisionSnapshot snapshot, Dictionary<(string Sku, string Node), long>? own) =>
        own is null ? snapshot : snapshot with
        {
            Positions = [.. snapshot.Positions.Select(p => own.TryGetValue((p.Sku, p.Node), out var units)
                ? p with { Committed = Math.Max(0, p.Committed - units) } : p)],
        };
}
