using System.Text.Json.Serialization;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// The answer to <c>POST /v1/orders/{orderId}/source</c> (API.md). Built from the stored decision, so a
/// repeat of the order answers what the first call answered, except each reservation's status, which is
/// read now: a replay of an order whose reservations expired must not look like a live allocation.
/// </summary>
public sealed record SourceAnswer(
    string DecisionId,
    string OrderId,
    RuleSetRef RuleSet,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Arm,
    IReadOnlyList<LineAnswer> Lines,
    IReadOnlyList<string> Explanation,
    TotalsAnswer Totals,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ExperimentId = null)
{
    /// <summary>The first answer: every reservation was taken just now and is soft.</summary>
    public static SourceAnswer Fresh(StoredDecision stored, Decision decision, StoredDecision.ReservationsDoc reservations) =>
        From(stored, decision, reservations, reservations.Plans.ToDictionary(p => p.Id, _ => ReservationStatus.Soft, StringComparer.Ordinal));

    /// <summary>A replay: the stored decision with the reservations' statuses now (effective: a due soft one reads expired).</summary>
    public static SourceAnswer Replay(StoredDecision stored, IReadOnlyList<ReservationDto> reservationsNow) =>
        From(stored, DecisionJson.Read<Decision>(stored.Result), DecisionJson.Read<StoredDecision.ReservationsDoc>(stored.Reservations),
            LineAnswer.StatusesOf(reservationsNow));

    static SourceAnswer From(StoredDecision stored, Decision decision, StoredDecision.ReservationsDoc reservations,
        IReadOnlyDictionary<string, string> statuses) =>
        new(stored.Id, stored.OrderId ?? decision.OrderId, new RuleSetRef(stored.RuleSetId, stored.Segment, stored.RuleSetVersion), stored.Arm,
            LineAnswer.For(decision, reservations.Plans, statuses), decision.Explanation, TotalsAnswer.From(decision.Totals), reservations.ExpiresAt,
            stored.ExperimentId);
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
    /// <see cref="ReservationPlan.For"/>) and each reservation with its status in <paramref name="statuses"/>;
    /// without plans (an allocation run that reserves nothing) ids and statuses are null.
    /// </summary>
    public static IReadOnlyList<LineAnswer> For(Decision decision, IReadOnlyList<ReservationPlan> plans,
        IReadOnlyDictionary<string, string>? statuses = null)
    {
        var queue = new Queue<ReservationPlan>(plans);
        string? Next(Allocation a, bool substitution) =>
            a.Quantity > 0 && queue.TryPeek(out var p) && p.Sku == a.Sku && p.Node == a.Node && p.Substitution == substitution
                ? queue.Dequeue().Id : null;
        string? StatusOf(string? id) => id is not null && statuses?.TryGetValue(id, out var status) == true ? status : null;
        AllocationAnswer Allocated(Allocation a)
        {
            var id = Next(a, false);
            return new AllocationAnswer(a.Node, a.Quantity, a.PromiseDate, id, StatusOf(id));
        }
        SubstitutionAnswer Substituted(Allocation s)
        {
            var id = Next(s, true);
            return new SubstitutionAnswer(s.Sku, s.Node, s.Quantity, s.PromiseDate, id, StatusOf(id));
        }
        return [.. decision.Lines.Select(line => new LineAnswer(line.LineId, line.Sku, line.Requested,
            [.. line.Allocations.Select(Allocated)], line.Backordered, line.Rejected, line.BackorderPromiseDate,
            [.. line.Substitutions.Select(Substituted)]))];
    }

    /// <summary>Reservation id → effective status, as <see cref="ReservationRepository"/> reads them.</summary>
    public static IReadOnlyDictionary<string, string> StatusesOf(IEnumerable<ReservationDto> reservations) =>
        reservations.ToDictionary(r => r.Id, r => r.Status, StringComparer.Ordinal);
}

public sealed record AllocationAnswer(string Node, long Quantity, DateTimeOffset PromiseDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ReservationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ReservationStatus);

public sealed record SubstitutionAnswer(string Sku, string Node, long Quantity, DateTimeOffset PromiseDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ReservationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ReservationStatus);

/// <summary>The decision's totals; a cost that is not a finite number (nothing could be costed) reads null.</summary>
public sealed record TotalsAnswer(long Requested, long Allocated, long Substituted, long Backordered, long Rejected, int Shipments,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Cost)
{
    public static TotalsAnswer From(DecisionTotals t) => new(t.Requested, t.Allocated, t.Substituted, t.Backordered, t.Rejected,
        t.Shipments, double.IsFinite(t.Cost) ? Math.Round(t.Cost, 4) : null);
}
