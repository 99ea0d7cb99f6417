namespace InventoryRules.Engine;

/// <summary>Wire names of node capabilities the engine itself relies on.</summary>
public static class NodeCapabilities
{
    public const string ShipFromStore = "ship_from_store";
    public const string CrossDock = "cross_dock";
    public const string ColdChain = "cold_chain";
}
