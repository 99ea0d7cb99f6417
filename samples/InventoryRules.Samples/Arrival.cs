namespace InventoryRules.Samples;

/// <summary>
/// Something due at a site on a future day: a supplier delivery against an ASN, a DC transfer reaching
/// a store, or a supplier's cancellation of an ASN. <see cref="Quantity"/> is in <see cref="Uom"/>.
/// </summary>
internal sealed record Arrival(ArrivalKind Kind, int Site, int Item, int Eaches, int Quantity, string Uom, string Reference);
