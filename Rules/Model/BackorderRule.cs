using System.Text.Json.Serialization;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Model;

/// <summary>What happens to a line nothing can be promised for: backorder, substitute, or reject.</summary>
public sealed record BackorderRule : Rule
{
    [JsonIgnore]
    public override string Kind => RuleKinds.Backorder;

    /// <summary>backorder, substitute or reject.</summary>
    public string Action { get; init; } = "backorder";
    public IReadOnlyList<Substitution>? Substitutions { get; init; }
    /// <summary>Backorder only when supply arrives within this many days; reject otherwise.</summary>
    public int? MaxBackorderDays { get; init; }
}

/// <summary>Items that may stand in for one item, tried in order.</summary>
public sealed record Substitution
{
    public string For { get; init; } = "";
    public IReadOnlyList<string> Use { get; init; } = [];
}
