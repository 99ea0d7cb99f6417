using InventoryRules.Rules.Compilation;

namespace InventoryRules.Engine.Decisions;

/// <summary>
/// Which rules apply where, split the way a decision loops: the node part of each rule's scope is
/// checked once per node for the whole decision, the item part once per line; the inner loop over
/// lines × nodes then reads two flags instead of hashing strings.
/// </summary>
internal sealed class ScopeTable
{
    readonly CompiledRule[] rules;
    readonly bool[] nodeOk;
    readonly bool[] itemOk;
    readonly int nodes;

    public ScopeTable(CompiledRule[] rules, Node[] nodes)
    {
        this.rules = rules;
        this.nodes = nodes.Length;
        nodeOk = new bool[rules.Length * nodes.Length];
        itemOk = new bool[rules.Length];
        for (var r = 0; r < rules.Length; r++)
        {
            for (var n = 0; n < nodes.Length; n++)
            {
                var node = nodes[n];
                nodeOk[r * nodes.Length + n] = rules[r].Rule.Enabled && rules[r].Scope.MatchesNode(node.Code.Value, node.Type.Name(), node.Country);
            }
        }
    }

    public int Count => rules.Length;

    public CompiledRule this[int r] => rules[r];

    /// <summary>Sets the item part for the line being decided.</summary>
    public void ForItem(Rules.Inputs.ItemInput item)
    {
        for (var r = 0; r < rules.Length; r++) itemOk[r] = rules[r].Scope.MatchesItem(item);
    }

    /// <summary>Rule <paramref name="r"/> is enabled and its scope covers the current item and node <paramref name="n"/>.</summary>
    public bool Applies(int r, int n) => itemOk[r] && nodeOk[r * nodes + n];
}
