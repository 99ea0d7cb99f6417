using System.Text.Json.Serialization;
using InventoryRules.Rules.Expressions;

namespace InventoryRules.Rules.Model;

/// <summary>Ranks competing demands for scarce stock: higher score first, then the tie-breaks in order.</summary>
public sealed record AllocationPriorityRule : Rule
{
    [JsonIgnore]
    public override string Kind => RuleKinds.AllocationPriority;

    /// <summary>A numeric expression, e.g. <c>customer.ContractPriority * 100 + line.Margin</c>.</summary>
    public string Score { get; init; } = "0";
    public IReadOnlyList<TieBreak>? TieBreaks { get; init; }
}

/// <summary>A numeric expression compared when scores tie; descending puts larger values first.</summary>
public sealed record TieBreak
{
    public string Expression { get; init; } = "";
    public bool Descending { get; init; }
}
