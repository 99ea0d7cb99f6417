namespace InventoryRules.Rules.Background.Backorders;

/// <summary>Units of a line still waiting after the run, and what its segment could promise at the node (0 or less than asked).</summary>
public sealed record BackorderWait(BackorderedLine Line, long Units, long Atp, long Floor)
{
    public string Text =>
        $"{Line.OrderId} line {Line.LineId} ({Line.Segment}) {Line.Sku} at {Line.Node}: {Units} of {Line.Quantity} still waiting"
        + $" (ATP for {Line.Segment} {Atp}; safety stock and holds keep {Floor})";
}
