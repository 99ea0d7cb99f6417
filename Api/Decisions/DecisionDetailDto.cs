using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// <c>GET /v1/decisions/{id}</c>: exactly what a decision was asked, what it saw, what it chose and why
/// (the trace, step by step), the reservations it took with their status now, and how long it took.
/// </summary>
public sealed record DecisionDetailDto(
    string DecisionId,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? OrderId,
    DateTimeOffset CreatedAt,
    RuleSetRef RuleSet,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Arm,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonNode? Request,
    IReadOnlyList<LineAnswer> Lines,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<AllocationRunDto.RankedDemandAnswer>? Ranking,
    TotalsAnswer Totals,
    IReadOnlyList<ReservationDto> Reservations,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ExpiresAt,
    JsonObject Snapshot,
    IReadOnlyList<DecisionDetailDto.DecisionTraceStep> Trace,
    IReadOnlyList<string> Explanation,
    DecisionDetailDto.DecisionTimings Timings,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ExperimentId = null)
{
    /// <summary>One step of the trace: which rule (if any) did what, for which line and node, with the figures it used.</summary>
    public sealed record DecisionTraceStep(
        string Step,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? RuleId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LineId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Node,
        string Message,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyDictionary<string, double?>? Figures,
        string? OrderId = null);

    public sealed record DecisionTimings(long DecideMicros, long TotalMicros);

    public static DecisionDetailDto From(StoredDecision stored, IReadOnlyList<ReservationDto> reservations)
    {
        var plans = DecisionJson.Read<StoredDecision.ReservationsDoc>(stored.Reservations);
        var ruleSet = new RuleSetRef(stored.RuleSetId, stored.Segment, stored.RuleSetVersion);
        var timing = new DecisionTimings(stored.DecideMicros, stored.TotalMicros);
        var request = JsonNode.Parse(stored.Request);
        var snapshot = Summary(stored.Snapshot);
        if (stored.Kind == StoredDecision.AllocationRun)
        {
            var run = DecisionJson.Read<AllocationRunResult>(stored.Result);
            var answer = AllocationRunDto.From(stored.Id, run, new Dictionary<string, AllocationRunDto.DemandReservationAnswer>());
            return new DecisionDetailDto(stored.Id, stored.Kind, null, stored.CreatedAt, ruleSet, stored.Arm, request,
                [.. answer.Ranking.SelectMany(r => r.Lines)], answer.Ranking, answer.Totals, reservations, null, snapshot,
                [.. run.Ranking.SelectMany(r => r.Decision.Trace.Select(t => StepOf(t, r.OrderId)))], run.Explanation, timing);
        }
        var decision = DecisionJson.Read<Decision>(stored.Result);
        return new DecisionDetailDto(stored.Id, stored.Kind, stored.OrderId, stored.CreatedAt, ruleSet, stored.Arm, request,
            LineAnswer.For(decision, plans.Plans, LineAnswer.StatusesOf(reservations)), null, TotalsAnswer.From(decision.Totals), reservations,
            plans.ExpiresAt, snapshot,
            [.. decision.Trace.Select(t => StepOf(t, null))], decision.Explanation, timing, stored.ExperimentId);
    }

    static DecisionTraceStep StepOf(TraceEntry t, string? orderId) => new(t.Step, t.RuleId, t.LineId, t.Node, t.Message,
        t.Figures?.ToDictionary(f => f.Key, f => double.IsFinite(f.Value) ? f.Value : (double?)null), orderId);

    /// <summary>What the decision read, without the master data it also logs: positions, node states, settings.</summary>
    static JsonObject Summary(string snapshotJson)
    {
        var snapshot = JsonNode.Parse(snapshotJson)!.AsObject();
        var summary = new JsonObject();
        foreach (var name in new[] { "now", "segment", "settings", "positions", "nodeStates", "nodesRef" })
        {
            if (snapshot[name] is { } value) summary[name] = value.DeepClone();
        }
        summary["itemsRead"] = new JsonArray([.. (snapshot["items"]?.AsArray() ?? []).Select(i => (JsonNode?)JsonValue.Create(i?["sku"]?["value"]?.GetValue<string>()))]);
        return summary;
    }
}
