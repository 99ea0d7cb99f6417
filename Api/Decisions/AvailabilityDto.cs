using System.Text.Json.Serialization;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>The answer to <c>POST /v1/availability</c> (API.md): per line, the network and each eligible node.</summary>
public sealed record AvailabilityDto(
    RuleSetRef RuleSet,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ByDate,
    IReadOnlyList<AvailabilityDto.Line> Lines,
    IReadOnlyList<string> Explanation)
{
    public sealed record Line(
        string Sku,
        long Requested,
        long NetworkAvailable,
        long NetworkAvailableByDate,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? EarliestPromiseDate,
        IReadOnlyList<NodeAvailability> Nodes);

    public static AvailabilityDto From(AvailabilityAnswer answer, string segment, DateTimeOffset? byDate) =>
        new(new RuleSetRef(answer.RuleSetId, segment, answer.RuleSetVersion), byDate,
            [.. answer.Lines.Select(l => new Line(l.Sku, l.Requested, l.NetworkAvailable, l.NetworkAvailableByDate, l.EarliestPromiseDate, l.Nodes))],
            answer.Explanation);
}
