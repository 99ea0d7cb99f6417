namespace InventoryRules.Rules.Model;

/// <summary>Where a rule applies; every list left out means "all". Lists are matched exactly.</summary>
public sealed record RuleScope
{
    public IReadOnlyList<string>? Skus { get; init; }
    public IReadOnlyList<string>? Categories { get; init; }
    public IReadOnlyList<string>? VelocityClasses { get; init; }
    public IReadOnlyList<string>? Nodes { get; init; }
    public IReadOnlyList<string>? NodeTypes { get; init; }
    public IReadOnlyList<string>? Countries { get; init; }
}
