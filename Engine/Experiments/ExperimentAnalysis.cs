namespace InventoryRules.Engine.Experiments;

/// <summary>Per-arm estimates of every metric and the comparisons, under one design.</summary>
/// <param name="Design"><c>paired</c> (replay: the same orders under both arms) or <c>independent</c> (live: different orders per arm).</param>
public sealed record ExperimentAnalysis(
    string Design,
    double ConfidenceLevel,
    int ControlOrders,
    int VariantOrders,
    IReadOnlyDictionary<string, MetricEstimate> Control,
    IReadOnlyDictionary<string, MetricEstimate> Variant,
    IReadOnlyList<MetricComparison> Comparisons)
{
    public const string Paired = "paired";
    public const string Independent = "independent";
}
