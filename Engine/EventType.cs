namespace InventoryRules.Engine;

/// <summary>The inventory movements a feed can report; wire names in <see cref="EventTypeNames"/>.</summary>
public enum EventType
{
    Receipt,
    Shipment,
    Sale,
    Return,
    Adjustment,
    CycleCount,
    StatusChange,
    TransferOut,
    TransferIn,
    AsnCreated,
    AsnCancelled,
}
