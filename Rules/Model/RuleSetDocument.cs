namespace InventoryRules.Rules.Model;

/// <summary>
/// The content of a rule set version as planners author it: the segment it governs, what the segment
/// may consume, and the rules in order (earlier rules of a kind take precedence).
/// </summary>
public sealed record RuleSetDocument
{
    public string Segment { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public Entitlements? Entitlements { get; init; }
    public IReadOnlyList<Rule> Rules { get; init; } = [];
}

/// <summary>What orders of this segment may take that others may not.</summary>
public sealed record Entitlements
{
    /// <summary>Promise into the safety stock of the nodes.</summary>
    public bool ConsumeSafetyStock { get; init; }
    /// <summary>Promise held units whatever segment they are held for.</summary>
    public bool ConsumeHolds { get; init; }
}
