using System.Text.Json.Serialization;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Model;

/// <summary>
/// Ring-fences a quantity or a share of stock for a segment (and, optionally, customer tiers) while its
/// condition holds, until it expires. Other segments do not see held units.
/// </summary>
public sealed record HoldRule : Rule
{
    [JsonIgnore]
    public override string Kind => RuleKinds.Hold;

    /// <summary>The segment the held units are kept for.</summary>
    public string ForSegment { get; init; } = "";
    public IReadOnlyList<string>? ForCustomerTiers { get; init; }
    public long? Quantity { get; init; }
    /// <summary>Share of on-hand, 0 to 1.</summary>
    public double? Share { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
}
