using System.Diagnostics;
using InventoryRules.Api.Data;
using InventoryRules.Api.Experiments;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine.Decisions;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Source and reserve one order: idempotent per order id (a repeat of the same request answers the stored
/// decision with its reservations' statuses now; another request under that id is refused), decided
/// by the pure engine on a fresh snapshot, reserved atomically; when stock moved between the snapshot and
/// the reservation, decided again on fresh positions, a bounded number of times.
/// </summary>
public sealed class OrderSourcing(
    DecisionLog decisionLog, RuleBooks ruleBooks, RunningExperiments experiments, SnapshotLoader snapshots, ReservationWriter writer, ReservationRepository reservationsNow,
    MasterDataCache masterData, SnapshotParts parts, IOptions<DecisionsOptions> options, TimeProvider clock, ILogger<OrderSourcing> log)
{
    public enum Status
    {
        Created,

        /// <summary>The same request was decided before: its stored decision, replayed.</summary>
        Existing,
        NoActiveRuleSet,
        Conflict,

        /// <summary>The order id was decided for another request; <see cref="Result.DecidedAs"/> names that decision.</summary>
        OrderConflict,
    }

    public sealed record Result(Status Status, SourceAnswer? Answer, string? DecidedAs = null);

    public async Task<Result> SourceAsync(DecisionRequest request, int? ttlSeconds, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        if (await decisionLog.ByOrderAsync(request.OrderId, ct) is { } existing) return await ReplayAsync(existing, request, ct);
        var ttl = TimeSpan.FromSeconds(ttlSeconds ?? options.Value.ReservationTtlSeconds);
        for (var attempt = 1; attempt <= options.Value.MaxReserveAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            // A running experiment decides with its arm's version, even where the segment has none in force.
            var arm = await experiments.AssignAsync(request, now, ct);
            var rules = arm is null ? await ruleBooks.ForAsync(request.Segment, now, ct) : await ruleBooks.WithVersionAsync(arm.RuleSet, request.Segment, now, ct);
            if (rules is null) return new(Status.NoActiveRuleSet, null);
            var segment = (await masterData.GetAsync(ct)).Segments[request.Segment];
            var snapshot = await snapshots.LoadAsync(segment, Decider.SkusToRead(request.Lines.Select(l => l.Sku), rules), now, ct);
            var deciding = Stopwatch.GetTimestamp();
            var decision = Decider.Decide(request, snapshot, rules);
            var decideMicros = (long)Stopwatch.GetElapsedTime(deciding).TotalMicroseconds;
            var plans = ReservationPlan.For(decision);
            var expiresAt = plans.Count > 0 ? now + ttl : (DateTimeOffset?)null;
            var reservations = new StoredDecision.ReservationsDoc(expiresAt, plans);
            var stored = new StoredDecision(StoredDecision.NewId(), StoredDecision.Source, request.OrderId, request.Segment,
                rules.RuleSet.Id, rules.RuleSet.Version, arm?.Arm, now, DecisionJson.Write(request), await parts.WriteAsync(snapshot, ct),
                DecisionJson.Write(decision), DecisionJson.Write(reservations), decideMicros, (long)watch.Elapsed.TotalMicroseconds, arm?.ExperimentId);
            var lines = DecisionLineRow.For(stored.Id, request.OrderId, decision, Instants.ToMicros(now)).ToList();
            switch (await writer.WriteAsync(stored, plans, lines, expiresAt, () => (long)watch.Elapsed.TotalMicroseconds, ct))
            {
                case ReservationWriter.Outcome.Reserved:
                    snapshots.Forget(plans.Select(p => p.Sku));
                    return new(Status.Created, SourceAnswer.Fresh(stored, decision, reservations));
                case ReservationWriter.Outcome.Duplicate:
                    var first = await decisionLog.ByOrderAsync(request.OrderId, ct)
                        ?? throw new InvalidOperationException($"order {request.OrderId} collided with a decision that is not stored");
                    return await ReplayAsync(first, request, ct);
            }
        }
        log.LogWarning("Order {OrderId}: stock kept moving under {Attempts} decisions; answered 503", request.OrderId, options.Value.MaxReserveAttempts);
        return new(Status.Conflict, null);
    }

    /// <summary>
    /// An order id is decided once. A retry of the same order gets the stored decision (<see cref="Status.Existing"/>);
    /// a different request under the same id is an OMS bug (a reused id), and replaying would ship the first
    /// order's goods for it (<see cref="Status.OrderConflict"/>). Allocation runs ask this before they plan.
    /// </summary>
    public async Task<Result> ReplayAsync(StoredDecision stored, DecisionRequest request, CancellationToken ct)
    {
        if (!CanonicalRequest.Same(DecisionJson.Read<DecisionRequest>(stored.Request), request))
        {
            log.LogInformation("Order {OrderId}: a different request for an order decided as {DecisionId}; refused", request.OrderId, stored.Id);
            return new(Status.OrderConflict, null, stored.Id);
        }
        return new(Status.Existing, SourceAnswer.Replay(stored, await reservationsNow.ForDecisionAsync(stored.Id, ct)), stored.Id);
    }
}
