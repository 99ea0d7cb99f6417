using System.Diagnostics;
using InventoryRules.Api.Data;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine.Decisions;
using Microsoft.Extensions.Options;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Source and reserve one order: idempotent per order id (a repeat answers the stored decision), decided
/// by the pure engine on a fresh snapshot, reserved atomically; when stock moved between the snapshot and
/// the reservation, decided again on fresh positions, a bounded number of times.
/// </summary>
public sealed class OrderSourcing(
    DecisionLog decisionLog, RuleBooks ruleBooks, SnapshotLoader snapshots, ReservationWriter writer, MasterDataCache masterData,
    IOptions<DecisionsOptions> options, TimeProvider clock, ILogger<OrderSourcing> log)
{
    public enum Status
    {
        Created,
        Existing,
        NoActiveRuleSet,
        Conflict,
    }

    public sealed record Result(Status Status, SourceAnswer? Answer);

    public async Task<Result> SourceAsync(DecisionRequest request, int? ttlSeconds, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        if (await decisionLog.ByOrderAsync(request.OrderId, ct) is { } existing) return new(Status.Existing, SourceAnswer.From(existing));
        var ttl = TimeSpan.FromSeconds(ttlSeconds ?? options.Value.ReservationTtlSeconds);
        for (var attempt = 1; attempt <= options.Value.MaxReserveAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            if (await ruleBooks.ForAsync(request.Segment, now, ct) is not { } rules) return new(Status.NoActiveRuleSet, null);
            var segment = (await masterData.GetAsync(ct)).Segments[request.Segment];
            var snapshot = await snapshots.LoadAsync(segment, Decider.SkusToRead(request.Lines.Select(l => l.Sku), rules), now, ct);
            var deciding = Stopwatch.GetTimestamp();
            var decision = Decider.Decide(request, snapshot, rules);
            var decideMicros = (long)Stopwatch.GetElapsedTime(deciding).TotalMicroseconds;
            var plans = ReservationPlan.For(decision);
            var expiresAt = plans.Count > 0 ? now + ttl : (DateTimeOffset?)null;
            var reservations = new StoredDecision.ReservationsDoc(expiresAt, plans);
            var stored = new StoredDecision(StoredDecision.NewId(), StoredDecision.Source, request.OrderId, request.Segment,
                rules.RuleSet.Id, rules.RuleSet.Version, null, now, DecisionJson.Write(request), DecisionJson.Write(snapshot),
                DecisionJson.Write(decision), DecisionJson.Write(reservations), decideMicros, (long)watch.Elapsed.TotalMicroseconds);
            var lines = DecisionLineRow.For(stored.Id, request.OrderId, decision, Instants.ToMicros(now)).ToList();
            switch (await writer.WriteAsync(stored, plans, lines, expiresAt, () => (long)watch.Elapsed.TotalMicroseconds, ct))
            {
                case ReservationWriter.Outcome.Reserved:
                    return new(Status.Created, SourceAnswer.From(stored, decision, reservations));
                case ReservationWriter.Outcome.Duplicate:
                    var first = await decisionLog.ByOrderAsync(request.OrderId, ct)
                        ?? throw new InvalidOperationException($"order {request.OrderId} collided with a decision that is not stored");
                    return new(Status.Existing, SourceAnswer.From(first));
            }
        }
        log.LogWarning("Order {OrderId}: stock kept moving under {Attempts} decisions; answered 503", request.OrderId, options.Value.MaxReserveAttempts);
        return new(Status.Conflict, null);
    }
}
