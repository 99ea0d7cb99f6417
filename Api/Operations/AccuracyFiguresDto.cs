using System.Text.Json.Serialization;
using InventoryRules.Engine.Operations;

namespace InventoryRules.Api.Operations;

/// <summary>
/// Inventory record accuracy of a node (or the network, <see cref="Node"/> null): share of counts within
/// tolerance, and 1 − Σ|variance| / Σcounted over the eaches counted.
/// </summary>
public sealed record AccuracyFiguresDto(
    string? Node,
    long Counts,
    long WithinTolerance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? CountAccuracy,
    long CountedUnits,
    long AbsoluteVariance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? UnitAccuracy)
{
    public static AccuracyFiguresDto From(string? node, AccuracyParts p) => new(node, p.Counts, p.WithinTolerance,
        Round(p.CountAccuracy), p.CountedUnits, p.AbsoluteVariance, Round(p.UnitAccuracy));

    static double? Round(double? share) => share is { } s ? Math.Round(s, 4) : null;
}
