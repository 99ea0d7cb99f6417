namespace InventoryRules.Engine.Stock;

/// <summary>
/// Safety stock of one segment at one position, with the inputs it came from so that an API can show the
/// working: method, z (service level only), mean and standard deviation of daily demand as used (without a
/// measured deviation, the Poisson one: sqrt(mean)), lead time and its deviation, days of supply, the peak
/// factor applied, and whether the segment's entitlements let its own orders promise into it (
/// <paramref name="Waived"/>). Keyed by (Sku, Node, Segment): a key missing from a run has no safety stock.
/// </summary>
public readonly record struct SafetyStockFigure(
    string Sku,
    string Node,
    string Segment,
    string RuleId,
    long Units,
    string Method,
    double Z,
    double ServiceLevel,
    double DemandMean,
    double DemandStdDev,
    int DaysObserved,
    double LeadTimeDays,
    double LeadTimeStdDevDays,
    double Days,
    double PeakFactor,
    bool Waived)
{
    public (string Sku, string Node, string Segment) Key => (Sku, Node, Segment);
}
