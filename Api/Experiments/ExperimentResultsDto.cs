using System.Text.Json.Serialization;
using InventoryRules.Engine.Experiments;

namespace InventoryRules.Api.Experiments;

/// <summary><c>GET /v1/experiments/{id}/results</c> (issue 6 contract): per-arm metrics with intervals, and the comparisons.</summary>
public sealed record ExperimentResultsDto(
    string ExperimentId,
    string Source,
    int Orders,
    double ConfidenceLevel,
    string Design,
    IReadOnlyList<ExperimentResultsDto.ArmResult> Arms,
    IReadOnlyList<MetricComparison> Comparisons,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ReplayId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ReplayStatus)
{
    public const string FromReplay = "replay";
    public const string FromLive = "live";

    public sealed record ArmResult(string Arm, string RuleSetId, long Version, int Orders, IReadOnlyDictionary<string, MetricValue> Metrics);

    /// <param name="Orders">Orders the metric counts (e.g. only those with a requested date for promise attainment).</param>
    public sealed record MetricValue(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Value,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? CiLow,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? CiHigh,
        long Orders);

    public static ExperimentResultsDto From(ExperimentRecord e, string source, ExperimentAnalysis analysis, ReplayRecord? replay)
    {
        static IReadOnlyDictionary<string, MetricValue> Metrics(IReadOnlyDictionary<string, MetricEstimate> estimates) =>
            estimates.ToDictionary(m => m.Key, m => new MetricValue(m.Value.Value, m.Value.CiLow, m.Value.CiHigh, m.Value.Orders), StringComparer.Ordinal);
        var orders = analysis.Design == ExperimentAnalysis.Paired ? analysis.ControlOrders : analysis.ControlOrders + analysis.VariantOrders;
        return new ExperimentResultsDto(e.Id, source, orders, analysis.ConfidenceLevel, analysis.Design,
            [
                new ArmResult(ArmAssignment.Control, e.ControlRuleSetId, e.ControlVersion, analysis.ControlOrders, Metrics(analysis.Control)),
                new ArmResult(ArmAssignment.Variant, e.VariantRuleSetId, e.VariantVersion, analysis.VariantOrders, Metrics(analysis.Variant)),
            ],
            analysis.Comparisons, replay?.Id, replay is null ? null : replay.RunStatus ?? ExperimentDto.Replay.Queued);
    }
}
