namespace InventoryRules.Samples;

internal enum ArrivalKind
{
    Receipt,
    TransferIn,
    AsnCancelled,
}
