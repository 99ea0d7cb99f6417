using InventoryRules.Rules.Compilation;
using InventoryRules.Rules.Inputs;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// Which of a kind's rules apply where, decided once per run instead of once per position: the node part
/// of each scope per node, the item part per item (like <see cref="Decisions.ScopeTable"/>, but for every
/// item at once). The position loop then reads two flags per rule.
/// </summary>
internal sealed class RuleScopes
{
    readonly bool[] nodeOk;
    readonly bool[] itemOk;
    readonly int nodes;
    readonly int items;

    public RuleScopes(CompiledRule[] rules, Node[] nodes, ItemInput[] items)
    {
        Rules = rules;
        this.nodes = nodes.Length;
        this.items = items.Length;
        nodeOk = new bool[rules.Length * nodes.Length];
        itemOk = new bool[rules.Length * items.Length];
        for (var r = 0; r < rules.Length; r++)
        {
            var rule = rules[r];
            for (var n = 0; n < nodes.Length; n++)
            {
                nodeOk[r * nodes.Length + n] = rule.Rule.Enabled && rule.Scope.MatchesNode(nodes[n].Code.Value, nodes[n].Type.Name(), nodes[n].Country);
            }
            for (var i = 0; i < items.Length; i++) itemOk[r * items.Length + i] = rule.Scope.MatchesItem(items[i]);
        }
    }

    public CompiledRule[] Rules { get; }

    public int Count => Rules.Length;

    /// <summary>Rule <paramref name="r"/> is enabled and its scope covers item <paramref name="i"/> at node <paramref name="n"/>.</summary>
    public bool Applies(int r, int i, int n) => itemOk[r * items + i] && nodeOk[r * nodes + n];
}
