using System.Text.Json.Serialization;
using InventoryRules.Engine.Decisions;

namespace InventoryRules.Api.Decisions;

/// <summary>The answer to <c>POST /v1/availability</c> (API.md): per line, the network and each eligible node.</summary>
public sealed record AvailabilityDto(
    RuleSetRef RuleSet,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ByDate,
    IReadOnlyList<AvailabilityDto.AvailabilityLineAnswer> Lines,
    IReadOnlyList<string> Explanation)
{
    public sealed record AvailabilityLineAnswer(
        string Sku,
        long Requested,
        long NetworkAvailable,
        long NetworkAvailableByDate,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? EarliestPromiseDate,
        IReadOnlyList<NodeAvailabilityAnswer> Nodes);

    /// <summary>One node's part; <see cref="PromiseDate"/> is null (not left out) when nothing is available now.</summary>
    public sealed record NodeAvailabilityAnswer(
        string Node,
        long AvailableNow,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? PromiseDate,
        long AvailableByDate,
        IReadOnlyList<FutureAvailability> Future);

    public static AvailabilityDto From(AvailabilityAnswer answer, string segment, DateTimeOffset? byDate) =>
        new(new RuleSetRef(answer.RuleSetId, segment, answer.RuleSetVersion), byDate,
            [.. answer.Lines.Select(l => new AvailabilityLineAnswer(l.Sku, l.Requested, l.NetworkAvailable, l.NetworkAvailableByDate,
                l.EarliestPromiseDate, [.. l.Nodes.Select(n => new NodeAvailabilityAnswer(n.Node, n.AvailableNow, n.PromiseDate, n.AvailableByDate, n.Future))]))],
            answer.Explanation);
}
