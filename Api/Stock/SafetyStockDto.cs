using System.Text.Json.Serialization;

namespace InventoryRules.Api.Stock;

/// <summary>
/// A stored safety stock figure with the inputs it came from (GET /v1/safety-stock). Inputs that the method
/// does not use are null: z and service level only for service_level, days of supply only for days_of_supply.
/// </summary>
public sealed record SafetyStockDto(
    string Sku,
    string Node,
    string Segment,
    long Units,
    string Method,
    string RuleId,
    string RuleSetId,
    long RuleSetVersion,
    bool Waived,
    SafetyStockDto.SafetyStockInputs Inputs,
    string Working,
    DateTimeOffset ComputedAt)
{
    public sealed record SafetyStockInputs(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Z,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? ServiceLevel,
        double DemandMean,
        double DemandStdDev,
        int DaysObserved,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? LeadTimeDays,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? LeadTimeStdDevDays,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? DaysOfSupply,
        double PeakFactor);
}
