namespace InventoryRules.Engine.Experiments;

/// <summary>
/// One thing an experiment compares, as a ratio of sums over orders: Σ numerator / Σ denominator. A rate
/// over orders has denominator 1 per order; unit fill rate has requested units. One shape for all lets one
/// estimator (and one variance, by the delta method) serve every metric.
/// </summary>
/// <param name="Key">The wire name (contract: unitFillRate, orderFillRate, …).</param>
/// <param name="Unit"><c>share</c> (a fraction, differences read in points) or <c>currency</c>.</param>
/// <param name="Binary">Per-order numerator is 0 or 1 over a denominator of 0 or 1: live comparisons use the two-proportion test.</param>
/// <param name="Verb">How the summary sentence says it: "Variant {verb} 2.1 points more {noun}".</param>
public sealed record ExperimentMetric(
    string Key,
    string Label,
    string Unit,
    bool HigherIsBetter,
    bool Binary,
    Func<OrderOutcome, double> Numerator,
    Func<OrderOutcome, double> Denominator,
    string Verb,
    string MoreNoun,
    string FewerNoun,
    string NoDataReason)
{
    public const string Share = "share";
    public const string Currency = "currency";
}
