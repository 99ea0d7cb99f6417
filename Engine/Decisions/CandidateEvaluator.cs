using System.Globalization;
using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Expressions;
using InventoryRules.Rules.Inputs;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Decisions;

/// <summary>
/// Judges every node as a source for one line: built-in constraints (stale feed, quarantined position,
/// ship-from-store capability, cold chain), node eligibility rules, safety stock, holds, available to
/// promise, routing cost and promise date. The segment's own rules are read from one fused delegate
/// call per node; other segments' holds are evaluated rule by rule.
/// </summary>
internal sealed class CandidateEvaluator
{
    readonly DecisionContext context;
    readonly NodeFacts facts;
    readonly ScopeTable eligibilityRules, safetyStockRules, ownHolds, routingRules, crossDockRules;
    readonly ScopeTable[] foreignHolds;
    readonly NodeInput node = new();
    readonly PositionInput position = new();
    readonly HashSet<string> failedRules = new(StringComparer.Ordinal);
    readonly List<Candidate[]> rented = [];
    readonly HashSet<string> eligibleNodes = new(StringComparer.Ordinal);
    bool entitlementsTraced;

    /// <summary>Nodes found eligible for at least one traced line so far.</summary>
    public IReadOnlySet<string> EligibleNodes => eligibleNodes;

    /// <summary>Gives the candidate arrays back for the next decision on this thread; none may be used after.</summary>
    public void Release()
    {
        CandidatePool.Return(rented);
        rented.Clear();
    }

    /// <summary>The peak rule in force for the item of the last <see cref="Evaluate"/> call, if any.</summary>
    public PeakState? LastPeak { get; private set; }

    static readonly RoutingRule DefaultRouting = new() { Id = "", Weights = new RoutingWeights() };

    public CandidateEvaluator(DecisionContext context, NodeFacts facts)
    {
        this.context = context;
        this.facts = facts;
        var own = context.Rules.RuleSet;
        eligibilityRules = new ScopeTable(own.OfKind(RuleKinds.NodeEligibility), context.Nodes);
        safetyStockRules = new ScopeTable(own.OfKind(RuleKinds.SafetyStock), context.Nodes);
        ownHolds = new ScopeTable(own.OfKind(RuleKinds.Hold), context.Nodes);
        routingRules = new ScopeTable(own.OfKind(RuleKinds.Routing), context.Nodes);
        crossDockRules = new ScopeTable(own.OfKind(RuleKinds.CrossDock), context.Nodes);
        foreignHolds = [.. context.Rules.Others.Select(r => new ScopeTable(r.OfKind(RuleKinds.Hold), context.Nodes))];
    }

    /// <summary>
    /// Candidates for <paramref name="quantity"/> of <paramref name="item"/>; traced exclusions carry
    /// <paramref name="lineId"/>. <paramref name="trace"/> is false for substitutes and availability
    /// re-checks, whose exclusions would only repeat.
    /// </summary>
    public Candidate[] Evaluate(OrderLine line, Item item, bool trace)
    {
        var ratio = context.BurnRateRatio(item.Sku.Value);
        context.FillLine(line, item, peak: false, ratio);
        var peak = PeakState.Find(context.Rules.RuleSet, context, ratio, line.LineId);
        LastPeak = peak;
        context.Inputs.Context.Peak = peak is not null;
        var foreignHoldFactors = new double[context.Rules.Others.Count];
        for (var r = 0; r < foreignHoldFactors.Length; r++)
        {
            foreignHoldFactors[r] = PeakState.Find(context.Rules.Others[r], context, ratio, line.LineId)?.Adjustments.HoldShareFactor ?? 1;
        }
        eligibilityRules.ForItem(context.Inputs.Item);
        safetyStockRules.ForItem(context.Inputs.Item);
        ownHolds.ForItem(context.Inputs.Item);
        routingRules.ForItem(context.Inputs.Item);
        crossDockRules.ForItem(context.Inputs.Item);
        foreach (var holds in foreignHolds) holds.ForItem(context.Inputs.Item);
        var candidates = CandidatePool.Rent(context.Nodes.Length);
        rented.Add(candidates);
        var inputs = context.Inputs;
        inputs.Node = node;
        inputs.Position = position;
        for (var n = 0; n < candidates.Length; n++)
        {
            candidates[n] = EvaluateNode(n, line, item, peak, foreignHoldFactors, trace);
        }
        return candidates;
    }

    Candidate EvaluateNode(int n, OrderLine line, Item item, PeakState? peak, double[] foreignHoldFactors, bool trace)
    {
        var target = context.Nodes[n];
        var code = target.Code.Value;
        var stock = context.Position(item.Sku.Value, n);
        // A node with nothing to give now or later cannot change the decision: not judged, not traced.
        if (stock is null || (stock.OnHand - stock.Committed <= 0 && stock.InTransit.Count == 0)) return new Candidate { Promise = facts.ShelfPromise[n] };
        Fill(n, target, stock);
        var buffer = context.Buffer;
        if (!context.Rules.RuleSet.Evaluator.TryEvaluate(context.Inputs, buffer, context.Failures)) TraceFailures(line.LineId, code);

        var candidate = new Candidate { Promise = facts.ShelfPromise[n] };
        var (excludedBy, reason) = BuiltInExclusion(n, target, item, stock) ?? EligibilityRules(n, target, item);
        reason ??= PhysicalExclusion(target, item);
        if (reason is not null)
        {
            candidate.ExcludedBy = excludedBy;
            candidate.ExcludedBecause = reason;
            if (trace) context.Trace.Add(new TraceEntry(TraceSteps.Excluded, excludedBy, line.LineId, code, $"{code} excluded: {reason}"));
            return candidate;
        }
        candidate.Eligible = true;
        if (trace) eligibleNodes.Add(code);

        candidate.SafetyStock = SafetyStock(n, stock, peak);
        candidate.HeldForOthers = HeldForOthers(n, stock, foreignHoldFactors, line.LineId, code);
        candidate.Floor = candidate.SafetyStock + candidate.HeldForOthers;
        candidate.Atp = Math.Max(0, stock.OnHand - stock.Committed - candidate.Floor);
        Route(n, target, ref candidate);
        if (stock.InTransit.Count > 0) candidate.CrossDock = CrossDock(n);
        return candidate;
    }

    void Fill(int n, Node target, PositionSnapshot? stock)
    {
        InputMapping.Fill(node, target);
        node.CapacityLeft = facts.CapacityLeft[n];
        node.DistanceKm = facts.DistanceKm[n];
        node.TransitDays = facts.TransitDays[n];
        node.CutoffMet = facts.CutoffMet[n];
        node.FeedAgeSeconds = double.IsFinite(facts.FeedAgeSeconds[n]) ? facts.FeedAgeSeconds[n] : 1e9;

        var onHand = stock?.OnHand ?? 0;
        var committed = stock?.Committed ?? 0;
        var available = Math.Max(0, onHand - committed);
        var burn = stock?.Demand.BurnRate ?? 0;
        long inTransit = 0;
        if (stock is not null)
        {
            foreach (var supply in stock.InTransit) inTransit += supply.Quantity;
        }
        position.OnHand = onHand;
        position.Committed = committed;
        position.Held = 0;
        position.Damaged = stock?.Damaged ?? 0;
        position.Quarantined = stock?.Quarantined ?? 0;
        position.InTransit = inTransit;
        position.Available = available;
        position.BurnRate = burn;
        position.DaysOfSupply = burn > 0 ? available / burn : 9_999;
        position.RemainingShelfLifeDays = stock?.RemainingShelfLifeDays ?? 0;
        position.Quarantine = stock?.PositionQuarantined ?? false;
    }

    (string? RuleId, string? Reason)? BuiltInExclusion(int n, Node target, Item item, PositionSnapshot? stock)
    {
        var tolerance = context.Snapshot.Segment.FreshnessTolerance.TotalSeconds;
        var age = facts.FeedAgeSeconds[n];
        if (age > tolerance)
        {
            var seen = double.IsFinite(age) ? $"feed last reported {Seconds(age)} ago" : "feed never reported";
            return (null, $"{seen}; {context.Snapshot.Segment.Code} tolerates {Seconds(tolerance)}");
        }
        if (stock is { PositionQuarantined: true }) return (null, $"{item.Sku} is quarantined here pending an anomaly review");
        return null;
    }

    /// <summary>
    /// What a node cannot do whatever the rules say: checked after the eligibility rules, so that a
    /// planner's own wording for the same constraint is the one the explanation shows.
    /// </summary>
    string? PhysicalExclusion(Node target, Item item)
    {
        if (target.Type == NodeType.Store && !In(target.Capabilities, NodeCapabilities.ShipFromStore))
        {
            return "store does not ship orders (no ship_from_store capability)";
        }
        if (item.ColdChain && !In(target.Capabilities, NodeCapabilities.ColdChain)) return "no cold chain for a chilled item";
        // A bonded node's goods have not cleared customs in its country; it may export.
        if (!target.DutyPaid && string.Equals(target.Country, context.Request.ShipTo.Country, StringComparison.OrdinalIgnoreCase))
        {
            return $"bonded (not duty-paid): its stock cannot be delivered inside {target.Country} before customs clearance";
        }
        return null;
    }

    (string? RuleId, string? Reason) EligibilityRules(int n, Node target, Item item)
    {
        var plan = context.Plan;
        var buffer = context.Buffer;
        for (var r = 0; r < eligibilityRules.Count; r++)
        {
            if (!eligibilityRules.Applies(r, n)) continue;
            var rule = eligibilityRules[r];
            var condition = plan.ConditionSlot[rule.Index];
            if (condition >= 0 && buffer[condition] != 1) continue; // false, or failed (NaN): the rule does not apply
            var eligibility = (NodeEligibilityRule)rule.Rule;
            var eligible = plan.EligibleSlot[rule.Index];
            var fails = (eligibility.RequireDutyPaid == true && !target.DutyPaid)
                || (eligibility.RequireCapabilities is { } required && !HasAll(target.Capabilities, required))
                || (eligibility.AllowedNodeTypes is { } types && !In(types, target.Type.Name()))
                || (eligibility.AllowedNodeCountries is { } countries && !In(countries, target.Country))
                || (eligibility.ExcludeHazmat == true && item.Hazmat)
                || (eligible >= 0 && buffer[eligible] != 1);
            if (fails)
            {
                var reason = string.IsNullOrWhiteSpace(eligibility.Reason) ? $"not eligible under rule {eligibility.Id}" : eligibility.Reason;
                if (eligible >= 0 && double.IsNaN(buffer[eligible])) reason = $"rule {eligibility.Id} could not be evaluated, so the node is left out";
                return (eligibility.Id, reason);
            }
        }
        return (null, null);
    }

    long SafetyStock(int n, PositionSnapshot stock, PeakState? peak)
    {
        if (context.Entitlements.ConsumeSafetyStock) return 0;
        var plan = context.Plan;
        for (var r = 0; r < safetyStockRules.Count; r++)
        {
            if (!safetyStockRules.Applies(r, n)) continue;
            var rule = safetyStockRules[r];
            var condition = plan.ConditionSlot[rule.Index];
            if (condition >= 0 && context.Buffer[condition] != 1) continue;
            var units = SafetyStockMath.Units((SafetyStockRule)rule.Rule, stock.Demand, context.Snapshot.Segment.ServiceLevel);
            return SafetyStockMath.WithPeak(units, peak?.Adjustments.SafetyStockFactor);
        }
        return 0;
    }

    long HeldForOthers(int n, PositionSnapshot stock, double[] foreignHoldFactors, string lineId, string code)
    {
        var consumeHolds = context.Entitlements.ConsumeHolds;
        if (consumeHolds && !entitlementsTraced)
        {
            entitlementsTraced = true;
            context.Trace.Add(new TraceEntry(TraceSteps.Entitlement, null, null, null,
                $"{context.Request.Segment} may take stock held for other segments" + (context.Entitlements.ConsumeSafetyStock ? " and safety stock" : "")));
        }
        long held = 0;
        // The segment's own holds always bind customers of other tiers: the entitlement covers other segments' holds only.
        for (var h = 0; h < ownHolds.Count; h++)
        {
            if (!ownHolds.Applies(h, n)) continue;
            var rule = ownHolds[h];
            var condition = context.Plan.ConditionSlot[rule.Index];
            if (condition >= 0 && context.Buffer[condition] != 1) continue;
            held += HeldBy((HoldRule)rule.Rule, stock, 1);
        }
        for (var r = 0; r < foreignHolds.Length && !consumeHolds; r++)
        {
            var holds = foreignHolds[r];
            for (var h = 0; h < holds.Count; h++)
            {
                if (!holds.Applies(h, n)) continue;
                var rule = holds[h];
                if (!RuleChecks.Holds(rule, context.Inputs, context.Trace, lineId, code)) continue;
                held += HeldBy((HoldRule)rule.Rule, stock, foreignHoldFactors[r]);
            }
        }
        return Math.Min(held, Math.Max(0, stock.OnHand));
    }

    /// <summary>Units a hold keeps from this order: none when it has expired or this order owns it.</summary>
    long HeldBy(HoldRule hold, PositionSnapshot stock, double shareFactor)
    {
        if (hold.ExpiresAt is { } expires && expires <= context.Now) return 0;
        var owned = string.Equals(hold.ForSegment, context.Request.Segment, StringComparison.Ordinal)
            && (hold.ForCustomerTiers is null || In(hold.ForCustomerTiers, context.Request.Customer.Tier));
        return owned ? 0 : HoldMath.Units(hold, stock.OnHand, shareFactor);
    }

    /// <summary>The first cross_dock rule that applies here: inbound supply then flows straight out, without put-away.</summary>
    CrossDockRule? CrossDock(int n)
    {
        for (var r = 0; r < crossDockRules.Count; r++)
        {
            if (!crossDockRules.Applies(r, n)) continue;
            var rule = crossDockRules[r];
            var condition = context.Plan.ConditionSlot[rule.Index];
            if (condition >= 0 && context.Buffer[condition] != 1) continue;
            return (CrossDockRule)rule.Rule;
        }
        return null;
    }

    void Route(int n, Node target, ref Candidate candidate)
    {
        var plan = context.Plan;
        var routing = DefaultRouting;
        var score = 0.0;
        for (var r = 0; r < routingRules.Count; r++)
        {
            if (!routingRules.Applies(r, n)) continue;
            var rule = routingRules[r];
            var condition = plan.ConditionSlot[rule.Index];
            if (condition >= 0 && context.Buffer[condition] != 1) continue;
            routing = (RoutingRule)rule.Rule;
            var slot = plan.ScoreSlot[rule.Index];
            if (slot >= 0 && double.IsFinite(context.Buffer[slot])) score = context.Buffer[slot];
            break;
        }
        var w = routing.Weights;
        var capacityShare = target.DailyOrderCapacity > 0 ? (double)facts.CapacityLeft[n] / target.DailyOrderCapacity : 0;
        candidate.Fixed = w.TransitDays * facts.TransitDays[n] + w.DistanceKm * facts.DistanceKm[n] + w.Cost * (double)target.CostPerOrder
            + (facts.CutoffMet[n] ? 0 : w.CutoffMissed) - w.CapacityLeft * capacityShare + score;
        candidate.UnitCost = w.Cost * (double)target.CostPerUnit;
        candidate.LineTerm = -w.InventoryDepth * Math.Min(position.DaysOfSupply, 30);
        candidate.RoutingRule = routing.Id.Length == 0 ? null : routing.Id;
    }

    void TraceFailures(string lineId, string code)
    {
        foreach (var failure in context.Failures)
        {
            var ruleId = context.Rules.RuleSet.Rules[failure.Slot.RuleIndex].Rule.Id;
            if (!failedRules.Add(ruleId + "/" + failure.Slot.Path)) continue;
            context.Trace.Add(new TraceEntry(TraceSteps.RuleFailed, ruleId, lineId, code,
                $"{failure.Slot.Path} of rule {ruleId} could not be evaluated ({failure.Message}); the rule was skipped where it failed"));
        }
        context.Failures.Clear();
    }

    static bool In(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    static bool HasAll(IReadOnlyList<string> capabilities, IReadOnlyList<string> required)
    {
        for (var i = 0; i < required.Count; i++)
        {
            if (!In(capabilities, required[i])) return false;
        }
        return true;
    }

    static string Seconds(double seconds) =>
        seconds >= 3600 ? (seconds / 3600).ToString("0.#", CultureInfo.InvariantCulture) + " h"
        : seconds >= 120 ? (seconds / 60).ToString("0", CultureInfo.InvariantCulture) + " min"
        : seconds.ToString("0", CultureInfo.InvariantCulture) + " s";
}
