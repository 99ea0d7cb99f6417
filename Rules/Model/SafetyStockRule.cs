using System.Text.Json.Serialization;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Model;

/// <summary>
/// Units kept back from promises per item and node: a fixed quantity, days of supply at the burn rate,
/// or z(service level) x demand deviation x sqrt(lead time) — clamped to [min, max].
/// </summary>
public sealed record SafetyStockRule : Rule
{
    [JsonIgnore]
    public override string Kind => RuleKinds.SafetyStock;

    /// <summary>fixed, days_of_supply or service_level.</summary>
    public string Method { get; init; } = "fixed";
    public long? Quantity { get; init; }
    public double? Days { get; init; }
    /// <summary>Target service level for the service_level method; the segment's when left out.</summary>
    public double? ServiceLevel { get; init; }
    public double? LeadTimeDays { get; init; }
    public double? LeadTimeStdDevDays { get; init; }
    public long? Min { get; init; }
    public long? Max { get; init; }
}
