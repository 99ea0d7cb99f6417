namespace InventoryRules.Samples;

/// <summary>A customer bringing back units bought earlier at a store; faulty ones go to damaged stock.</summary>
internal sealed record CustomerReturn(int Site, int Item, int Quantity, bool Faulty);
