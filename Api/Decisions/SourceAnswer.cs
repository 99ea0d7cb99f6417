using System.Text.Json.Serialization;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// The answer to <c>POST /v1/orders/{orderId}/source</c> (API.md). Built from the stored decision, so a
/// repeat of the order answers exactly what the first call answered.
/// </summary>
public sealed record SourceAnswer(
    string DecisionId,
    string OrderId,
    RuleSetRef RuleSet,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Arm,
    IReadOnlyList<LineAnswer> Lines,
    IReadOnlyList<string> Explanation,
    TotalsAnswer Totals,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ExpiresAt)
{
    public static SourceAnswer From(StoredDecision stored, Decision decision, StoredDecision.ReservationsDoc reservations) =>
        new(stored.Id, stored.OrderId ?? decision.OrderId, new RuleSetRef(stored.RuleSetId, stored.Segment, stored.RuleSetVersion), stored.Arm,
            LineAnswer.For(decision, reservations.Plans), decision.Explanation, TotalsAnswer.From(decision.Totals), reservations.ExpiresAt);

    public static SourceAnswer From(StoredDecision stored) =>
        From(stored, DecisionJson.Read<Decision>(stored.Result), DecisionJson.Read<StoredDecision.ReservationsDoc>(stored.Reservations));
}

public sealed record RuleSetRef(string Id, string Segment, long Version);

/// <summary>One line: where it ships from (each part with its reservation), what is backordered, rejected or substituted.</summary>
public sealed record LineAnswer(
    string LineId,
    string Sku,
    long Requested,
    IReadOnlyList<AllocationAnswer> Allocations,
    long Backordered,
    long Rejected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? BackorderPromiseDate,
    IReadOnlyList<SubstitutionAnswer> Substitutions)
{
    /// <summary>
    /// Pairs the engine's allocations with their reservations by position in answer order (see
    /// <see cref="ReservationPlan.For"/>); without plans (an allocation run that reserves nothing) ids are null.
    /// </summary>
    public static IReadOnlyList<LineAnswer> For(Decision decision, IReadOnlyList<ReservationPlan> plans)
    {
        var queue = new Queue<ReservationPlan>(plans);
        string? Next(Allocation a, bool substitution) =>
            a.Quantity > 0 && queue.TryPeek(out var p) && p.Sku == a.Sku && p.Node == a.Node && p.Substitution == substitution
                ? queue.Dequeue().Id : null;
        return [.. decision.Lines.Select(line => new LineAnswer(line.LineId, line.Sku, line.Requested,
            [.. line.Allocations.Select(a => new AllocationAnswer(a.Node, a.Quantity, a.PromiseDate, Next(a, false)))],
            line.Backordered, line.Rejected, line.BackorderPromiseDate,
            [.. line.Substitutions.Select(s => new SubstitutionAnswer(s.Sku, s.Node, s.Quantity, s.PromiseDate, Next(s, true)))]))];
    }
}

public sealed record AllocationAnswer(string Node, long Quantity, DateTimeOffset PromiseDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ReservationId);

public sealed record SubstitutionAnswer(string Sku, string Node, long Quantity, DateTimeOffset PromiseDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ReservationId);

/// <summary>The decision's totals; a cost that is not a finite number (nothing could be costed) reads null.</summary>
public sealed record TotalsAnswer(long Requested, long Allocated, long Substituted, long Backordered, long Rejected, int Shipments,
    double? Cost)
{
    public static TotalsAnswer From(DecisionTotals t) => new(t.Requested, t.Allocated, t.Substituted, t.Backordered, t.Rejected,
        t.Shipments, double.IsFinite(t.Cost) ? Math.Round(t.Cost, 4) : null);
}
