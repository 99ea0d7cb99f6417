namespace InventoryRules.Rules.Validation;

/// <summary>The master data a rule set may refer to, passed in so that validation stays pure.</summary>
public sealed record RuleSetContext(
    IReadOnlySet<string> Segments,
    IReadOnlySet<string> Nodes,
    IReadOnlySet<string> Skus,
    IReadOnlySet<string> Categories,
    IReadOnlySet<string> Countries)
{
    public static RuleSetContext Empty { get; } = new(
        new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>());
}
