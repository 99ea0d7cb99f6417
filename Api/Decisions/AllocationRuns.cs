using System.Diagnostics;
using InventoryRules.Api.Data;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Competing demands for scarce stock: one snapshot of every sku involved, ranked and served by the
/// engine, logged as one decision (kind allocation_run). Optionally each served demand is then sourced and
/// reserved like an order, in rank order, so the best-ranked demand reserves first.
/// </summary>
public sealed class AllocationRuns(RuleBooks ruleBooks, SnapshotLoader snapshots, MasterDataCache masterData, ReservationWriter writer,
    OrderSourcing sourcing, SnapshotParts parts, TimeProvider clock)
{
    /// <summary>Null when a demand's segment has no version in force (the index of the first such demand is given).</summary>
    public async Task<(AllocationRunDto? Answer, int MissingRuleSetAt)> RunAsync(IReadOnlyList<DecisionRequest> requests, bool reserve,
        CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var books = await ruleBooks.AllAsync(now, ct);
        for (var i = 0; i < requests.Count; i++)
        {
            if (!books.ContainsKey(requests[i].Segment)) return (null, i);
        }
        var master = await masterData.GetAsync(ct);
        var demands = requests.Select(r => new Demand(r, books[r.Segment])).ToList();
        var skus = demands.SelectMany(d => Decider.SkusToRead(d.Request.Lines.Select(l => l.Sku), d.Rules)).Distinct(StringComparer.Ordinal).ToList();
        var snapshot = await snapshots.LoadAsync(master.Segments[requests[0].Segment], skus, now, ct);
        var segments = master.Segments.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var deciding = Stopwatch.GetTimestamp();
        var run = Decider.Run(demands, snapshot, segments);
        var decideMicros = (long)Stopwatch.GetElapsedTime(deciding).TotalMicroseconds;

        // A run may mix segments: the log row names the one segment and version, or all of them (version 0).
        var used = demands.Select(d => d.Rules.RuleSet).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var single = used.Count == 1;
        var stored = new StoredDecision(StoredDecision.NewId(), StoredDecision.AllocationRun, null,
            single ? used[0].Segment : string.Join(',', used.Select(r => r.Segment).Distinct()),
            single ? used[0].Id : string.Join(',', used.Select(r => r.Id)), single ? used[0].Version : 0, null, now,
            DecisionJson.Write(requests), await parts.WriteAsync(snapshot, ct), DecisionJson.Write(run),
            DecisionJson.Write(new StoredDecision.ReservationsDoc(null, [])), decideMicros, (long)watch.Elapsed.TotalMicroseconds);
        var createdAt = Instants.ToMicros(now);
        await writer.LogAsync(stored, [.. run.Ranking.SelectMany(r => DecisionLineRow.For(stored.Id, r.OrderId, r.Decision, createdAt))], ct);

        var reserved = new Dictionary<string, AllocationRunDto.Reservation>(StringComparer.Ordinal);
        if (reserve)
        {
            var byOrder = requests.ToDictionary(r => r.OrderId, StringComparer.Ordinal);
            foreach (var ranked in run.Ranking.OrderBy(r => r.Rank))
            {
                if (ranked.Decision.Totals.Allocated + ranked.Decision.Totals.Substituted <= 0)
                {
                    reserved[ranked.OrderId] = new(AllocationRunDto.Reservation.NotServed, null, "nothing allocated; nothing to reserve");
                    continue;
                }
                reserved[ranked.OrderId] = Reserved(await sourcing.SourceAsync(byOrder[ranked.OrderId], null, ct));
            }
        }
        return (AllocationRunDto.From(stored.Id, run, reserved), -1);
    }

    /// <summary>
    /// What sourcing one served demand did. A demand whose order id was decided before reserves nothing new:
    /// the run's plan for it is only what it would have got, so the entry says so instead of passing for a grant.
    /// </summary>
    static AllocationRunDto.Reservation Reserved(OrderSourcing.Result result) => result.Status switch
    {
        OrderSourcing.Status.Created => new(AllocationRunDto.Reservation.Created, result.Answer, null),
        OrderSourcing.Status.Existing => new(AllocationRunDto.Reservation.Replayed, result.Answer,
            $"already decided as {result.DecidedAs}; nothing new reserved"),
        OrderSourcing.Status.OrderConflict => new(DecisionErrorCodes.OrderConflict, null,
            $"already decided as {result.DecidedAs} with a different request; nothing reserved (an order id is decided once)"),
        OrderSourcing.Status.NoActiveRuleSet => new(DecisionErrorCodes.NoActiveRuleSet, null, "no rule set in force; nothing reserved"),
        _ => new(DecisionErrorCodes.ReservationConflict, null, "stock kept moving under every attempt; nothing reserved"),
    };
}
