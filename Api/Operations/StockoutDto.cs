using System.Text.Json.Serialization;

namespace InventoryRules.Api.Operations;

/// <summary>
/// A stockout episode: sellable on-hand at zero or below from startedAt; endedAt null while it lasts, and then
/// durationSeconds runs to now.
/// </summary>
public sealed record StockoutDto(string Sku, string Node, DateTimeOffset StartedAt, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? EndedAt, bool Open, long DurationSeconds);
