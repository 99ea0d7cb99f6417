using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>
/// One reservation a decision asks for: an allocation or a substitution of one line at one node, with the
/// floor the position must keep back for others. The id is chosen before the write so the decision row
/// can name it; the list is kept in answer order (lines, then allocations, then substitutions).
/// </summary>
public sealed record ReservationPlan(string Id, string LineId, string Sku, string Node, long Quantity, long Floor,
    DateTimeOffset PromiseDate, bool Substitution)
{
    public static List<ReservationPlan> For(Decision decision) =>
        [.. decision.Lines.SelectMany(line =>
            line.Allocations.Where(a => a.Quantity > 0).Select(a => Of(line, a, substitution: false))
                .Concat(line.Substitutions.Where(s => s.Quantity > 0).Select(s => Of(line, s, substitution: true))))];

    static ReservationPlan Of(LineDecision line, Allocation a, bool substitution) =>
        new(NewId(), line.LineId, a.Sku, a.Node, a.Quantity, a.Floor, a.PromiseDate, substitution);

    /// <summary>Time-ordered, so ids sort roughly by creation in indexes and logs.</summary>
    public static string NewId() => "rsv_" + Guid.CreateVersion7().ToString("N");
}
