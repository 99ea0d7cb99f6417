using System.Collections.Frozen;
using InventoryRules.Rules.Inputs;
using InventoryRules.Rules.Model;

namespace InventoryRules.Rules.Compilation;

/// <summary>A rule's scope as frozen sets: one hash lookup per limited dimension, no allocation.</summary>
public sealed class ScopeMatcher
{
    readonly FrozenSet<string>? skus, categories, velocityClasses, nodes, nodeTypes, countries;

    public ScopeMatcher(RuleScope? scope)
    {
        skus = Freeze(scope?.Skus);
        categories = Freeze(scope?.Categories);
        velocityClasses = Freeze(scope?.VelocityClasses);
        nodes = Freeze(scope?.Nodes);
        nodeTypes = Freeze(scope?.NodeTypes);
        countries = Freeze(scope?.Countries);
    }

    /// <summary>Does the scope limit by node at all? Node-free decisions (priorities) ignore node limits.</summary>
    public bool LimitsNodes => nodes is not null || nodeTypes is not null || countries is not null;

    public bool Matches(RuleInputs inputs) =>
        In(skus, inputs.Item.Sku) && In(categories, inputs.Item.Category) && In(velocityClasses, inputs.Item.VelocityClass)
        && In(nodes, inputs.Node.Code) && In(nodeTypes, inputs.Node.Type) && In(countries, inputs.Node.Country);

    /// <summary>The item part only, for decisions taken before a node is chosen.</summary>
    public bool MatchesItem(ItemInput item) =>
        In(skus, item.Sku) && In(categories, item.Category) && In(velocityClasses, item.VelocityClass);

    /// <summary>The node part only: decisions check it once per node and the item part once per line.</summary>
    public bool MatchesNode(string code, string type, string country) =>
        In(nodes, code) && In(nodeTypes, type) && In(countries, country);

    static bool In(FrozenSet<string>? set, string value) => set is null || set.Contains(value);

    static FrozenSet<string>? Freeze(IReadOnlyList<string>? values) => values?.ToFrozenSet(StringComparer.Ordinal);
}
