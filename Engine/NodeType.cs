namespace InventoryRules.Engine;

/// <summary>Kinds of fulfilment node; wire names are snake_case (dc, store, dark_store, mfc, 3pl).</summary>
public enum NodeType
{
    Dc,
    Store,
    DarkStore,
    Mfc,
    ThirdPartyLogistics,
}
