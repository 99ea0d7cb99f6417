namespace InventoryRules.Rules.Background.Backorders;

/// <summary>Units released to a backordered line, in the order releases were made, with the segment's ATP before it.</summary>
public sealed record BackorderRelease(BackorderedLine Line, long Units, long AtpBefore, int Sequence)
{
    public string Text =>
        $"#{Sequence} {Line.OrderId} line {Line.LineId} ({Line.Segment}) {Line.Sku} at {Line.Node}: released {Units} of {Line.Quantity}"
        + $" (score {Words.Number(Line.Priority.Score)}{(Line.Priority.RuleId is { } rule ? $" by {rule}" : ", no allocation_priority rule")}; ATP {AtpBefore} → {AtpBefore - Units})";
}
