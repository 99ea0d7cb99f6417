namespace InventoryRules.Rules.Background.Backorders;

/// <summary>What one firing released: the line, the units, and the segment's ATP just before.</summary>
public sealed record ReleasedUnits(BackorderedLine Line, long Units, long AtpBefore);
