namespace InventoryRules.Engine;

/// <summary>Wire names of node types.</summary>
public static class NodeTypeNames
{
    public static IReadOnlyList<string> All { get; } = ["dc", "store", "dark_store", "mfc", "3pl"];

    public static bool TryParse(string? name, out NodeType type)
    {
        var index = name is null ? -1 : IndexOf(name);
        type = index < 0 ? default : (NodeType)index;
        return index >= 0;
    }

    public static string Name(this NodeType type) => All[(int)type];

    static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == name) return i;
        }
        return -1;
    }
}
