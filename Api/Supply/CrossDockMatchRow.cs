using InventoryRules.Api.Data;

namespace InventoryRules.Api.Supply;

/// <summary>A row of <c>cross_dock_matches</c> as stored.</summary>
public sealed class CrossDockMatchRow
{
    public string Id { get; init; } = "";
    public string Reference { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Node { get; init; } = "";
    public string OrderId { get; init; } = "";
    public string LineId { get; init; } = "";
    public string Segment { get; init; } = "";
    public long Quantity { get; init; }
    public long Eta { get; init; }
    public long NeedBy { get; init; }
    public double DwellHours { get; init; }
    public string RuleId { get; init; } = "";
    public string RunId { get; init; } = "";
    public long MatchedAt { get; init; }
    public long UpdatedAt { get; init; }

    public CrossDockMatchDto ToDto() => new(Id, Reference, Sku, Node, OrderId, LineId, Segment, Quantity, Instants.FromMicros(Eta),
        Instants.FromMicros(NeedBy), Math.Round(DwellHours, 2), RuleId, RunId, Instants.FromMicros(MatchedAt), Instants.FromMicros(UpdatedAt));
}
