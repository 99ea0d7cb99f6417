using System.Diagnostics;
using InventoryRules.Api.Data;
using InventoryRules.Api.MasterData;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// Competing demands for scarce stock: one snapshot of every sku involved, ranked and served by the
/// engine, logged as one decision (kind allocation_run). Optionally each served demand is then sourced and
/// reserved like an order, in rank order, so the best-ranked demand reserves first.
/// With reserve, a demand whose order id was decided before is not planned at all: it already holds what it
/// got (its reservations are in the positions the run reads), so planning it again would count its units
/// twice. It is ranked after the planned demands, in request order, as <c>replayed</c> (same request: its
/// stored decision's lines and totals) or <c>order_conflict</c> (another request: every unit refused here).
/// </summary>
public sealed class AllocationRuns(RuleBooks ruleBooks, SnapshotLoader snapshots, MasterDataCache masterData, ReservationWriter writer,
    OrderSourcing sourcing, DecisionLog decisionLog, SnapshotParts parts, TimeProvider clock)
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
        var decided = reserve ? await DecidedAsync(requests, ct) : [];
        var master = await masterData.GetAsync(ct);
        var demands = requests.Where(r => !decided.ContainsKey(r.OrderId)).Select(r => new Demand(r, books[r.Segment])).ToList();
        // Every demand's skus, so the logged snapshot also shows the positions the decided demands hold.
        var skus = requests.SelectMany(r => Decider.SkusToRead(r.Lines.Select(l => l.Sku), books[r.Segment]))
            .Distinct(StringComparer.Ordinal).ToList();
        var snapshot = await snapshots.LoadAsync(master.Segments[requests[0].Segment], skus, now, ct);
        var segments = master.Segments.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var deciding = Stopwatch.GetTimestamp();
        var planned = Decider.Run(demands, snapshot, segments);
        var decideMicros = (long)Stopwatch.GetElapsedTime(deciding).TotalMicroseconds;
        var run = WithDecided(planned, requests, decided, books);

        // A run may mix segments: the log row names the one segment and version, or all of them (version 0).
        var used = requests.Select(r => books[r.Segment].RuleSet).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var single = used.Count == 1;
        var stored = new StoredDecision(StoredDecision.NewId(), StoredDecision.AllocationRun, null,
            single ? used[0].Segment : string.Join(',', used.Select(r => r.Segment).Distinct()),
            single ? used[0].Id : string.Join(',', used.Select(r => r.Id)), single ? used[0].Version : 0, null, now,
            DecisionJson.Write(requests), await parts.WriteAsync(snapshot, ct), DecisionJson.Write(run),
            DecisionJson.Write(new StoredDecision.ReservationsDoc(null, [])), decideMicros, (long)watch.Elapsed.TotalMicroseconds);
        var createdAt = Instants.ToMicros(now);
        // Search rows for what this run planned; a decided demand's rows belong to its own decision.
        await writer.LogAsync(stored, [.. planned.Ranking.SelectMany(r => DecisionLineRow.For(stored.Id, r.OrderId, r.Decision, createdAt))], ct);

        var reserved = new Dictionary<string, AllocationRunDto.DemandReservationAnswer>(StringComparer.Ordinal);
        if (reserve)
        {
            foreach (var (orderId, d) in decided) reserved[orderId] = Reserved(d.Result);
            var byOrder = requests.ToDictionary(r => r.OrderId, StringComparer.Ordinal);
            foreach (var ranked in planned.Ranking.OrderBy(r => r.Rank))
            {
                if (ranked.Decision.Totals.Allocated + ranked.Decision.Totals.Substituted <= 0)
                {
                    reserved[ranked.OrderId] = new(AllocationRunDto.DemandReservationAnswer.NotServed, null, "nothing allocated; nothing to reserve");
                    continue;
                }
                reserved[ranked.OrderId] = Reserved(await sourcing.SourceAsync(byOrder[ranked.OrderId], null, ct));
            }
        }
        return (AllocationRunDto.From(stored.Id, run, reserved), -1);
    }

    /// <summary>A demand's order id decided before: the stored decision and what replaying it answered.</summary>
    sealed record Decided(StoredDecision Stored, OrderSourcing.Result Result);

    /// <summary>The demands whose order id is decided already: a replay of the stored decision, or an order conflict.</summary>
    async Task<Dictionary<string, Decided>> DecidedAsync(IReadOnlyList<DecisionRequest> requests, CancellationToken ct)
    {
        var byOrder = requests.ToDictionary(r => r.OrderId, StringComparer.Ordinal);
        var decided = new Dictionary<string, Decided>(StringComparer.Ordinal);
        foreach (var stored in await decisionLog.ByOrdersAsync(byOrder.Keys, ct))
        {
            if (stored.OrderId is { } orderId && byOrder.TryGetValue(orderId, out var request))
            {
                decided[orderId] = new(stored, await sourcing.ReplayAsync(stored, request, ct));
            }
        }
        return decided;
    }

    /// <summary>
    /// The engine's ranking of the planned demands, then the decided ones in request order: a replay with its
    /// stored decision (what it holds), a conflict with every unit refused. The totals are summed over all.
    /// </summary>
    static AllocationRunResult WithDecided(AllocationRunResult planned, IReadOnlyList<DecisionRequest> requests,
        IReadOnlyDictionary<string, Decided> decided, IReadOnlyDictionary<string, RuleBook> books)
    {
        if (decided.Count == 0) return planned;
        var ranking = new List<RankedDemand>(planned.Ranking);
        var explanation = new List<string>(planned.Explanation);
        foreach (var request in requests)
        {
            if (!decided.TryGetValue(request.OrderId, out var d)) continue;
            var replay = d.Result.Status == OrderSourcing.Status.Existing;
            var rank = ranking.Count + 1;
            var decision = replay ? Replayed(d.Stored) : Refused(request, books[request.Segment], d.Stored.Id);
            ranking.Add(new RankedDemand(rank, request.OrderId, request.Segment, null, double.NaN, [], decision));
            var t = decision.Totals;
            explanation.Add($"#{rank} {request.OrderId} ({request.Segment}): not planned, the order id was already decided"
                + (replay
                    ? $" with the same request; holds {t.Allocated + t.Substituted} of {t.Requested} units"
                        + (t.Backordered > 0 ? $", {t.Backordered} backordered" : "") + (t.Rejected > 0 ? $", {t.Rejected} refused" : "")
                    : $" with a different request; {t.Rejected} units refused"));
        }
        var all = ranking.Select(r => r.Decision.Totals).ToList();
        var totals = new DecisionTotals(all.Sum(t => t.Requested), all.Sum(t => t.Allocated), all.Sum(t => t.Substituted),
            all.Sum(t => t.Backordered), all.Sum(t => t.Rejected), all.Sum(t => t.Shipments), all.Sum(t => t.Cost));
        return new AllocationRunResult(ranking, totals, explanation);
    }

    /// <summary>The stored decision of a replayed demand: its lines, totals and explanation; its trace says it was not planned.</summary>
    static Decision Replayed(StoredDecision stored) => DecisionJson.Read<Decision>(stored.Result) with
    {
        Trace = [new TraceEntry("replayed", null, null, null, $"already decided as {stored.Id} with the same request; not planned again")],
    };

    /// <summary>A demand whose order id was decided for another request: nothing planned, every unit refused here.</summary>
    static Decision Refused(DecisionRequest request, RuleBook rules, string decidedAs)
    {
        var message = $"order id {request.OrderId} was already decided as {decidedAs} with a different request; not planned, nothing reserved";
        var lines = request.Lines.Select(l => new LineDecision(l.LineId, l.Sku, l.Quantity, [], 0, l.Quantity, [], null)).ToList();
        var requested = lines.Sum(l => l.Requested);
        return new Decision(request.OrderId, rules.RuleSet.Id, rules.RuleSet.Version, request.Segment, lines,
            new DecisionTotals(requested, 0, 0, 0, requested, 0, 0), [new TraceEntry("order_conflict", null, null, null, message)], [message]);
    }

    /// <summary>
    /// What sourcing one served demand did. A demand whose order id was decided before reserves nothing new:
    /// the run's plan for it is only what it would have got, so the entry says so instead of passing for a grant.
    /// </summary>
    static AllocationRunDto.DemandReservationAnswer Reserved(OrderSourcing.Result result) => result.Status switch
    {
        OrderSourcing.Status.Created => new(AllocationRunDto.DemandReservationAnswer.Created, result.Answer, null),
        OrderSourcing.Status.Existing => new(AllocationRunDto.DemandReservationAnswer.Replayed, result.Answer,
            $"already decided as {result.DecidedAs}; nothing new reserved"),
        OrderSourcing.Status.OrderConflict => new(DecisionErrorCodes.OrderConflict, null,
            $"already decided as {result.DecidedAs} with a different request; nothing reserved (an order id is decided once)"),
        OrderSourcing.Status.NoActiveRuleSet => new(DecisionErrorCodes.NoActiveRuleSet, null, "no rule set in force; nothing reserved"),
        _ => new(DecisionErrorCodes.ReservationConflict, null, "stock kept moving under every attempt; nothing reserved"),
    };
}
