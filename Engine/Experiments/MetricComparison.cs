namespace InventoryRules.Engine.Experiments;

/// <summary>
/// Variant against control on one metric: the difference (variant − control) with its confidence
/// interval and two-sided p-value, the test used, and the sentence an analyst reads.
/// </summary>
public sealed record MetricComparison(
    string Metric,
    string Label,
    string Unit,
    bool HigherIsBetter,
    double? Control,
    double? Variant,
    double? Difference,
    double? CiLow,
    double? CiHigh,
    double? PValue,
    bool Significant,
    string Test,
    string Summary);
