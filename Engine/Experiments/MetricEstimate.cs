namespace InventoryRules.Engine.Experiments;

/// <summary>One arm's value of a metric with its confidence interval; all null when no order counts towards it.</summary>
/// <param name="Orders">Orders that count towards the metric (its denominator is above zero).</param>
public sealed record MetricEstimate(double? Value, double? CiLow, double? CiHigh, long Orders)
{
    public static MetricEstimate None(long orders) => new(null, null, null, orders);
}
