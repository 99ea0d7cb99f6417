namespace InventoryRules.Rules.Background.Backorders;

/// <summary>
/// Units of a backordered line still waiting, with the floor its segment may not take at the node (fixed
/// for the run: safety stock and other segments' holds do not move when orders are released).
/// </summary>
public sealed record WaitingLine(BackorderedLine Line, long Units, long Floor)
{
    /// <summary>What this line's segment may promise out of <paramref name="free"/> units.</summary>
    public long Atp(long free) => Math.Max(0, free - Floor);

    public bool At(FreeStock stock) => stock.Sku == Line.Sku && stock.Node == Line.Node;

    public bool SameStock(WaitingLine other) => other.Line.Sku == Line.Sku && other.Line.Node == Line.Node;
}
