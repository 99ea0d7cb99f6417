using InventoryRules.Rules.Inputs;
using InventoryRules.Rules.Model;

namespace InventoryRules.Engine.Stock.Baseline;

/// <summary>One position as seen by one segment: its own rule inputs (context.Peak differs by segment), its lots and the peak in force.</summary>
public sealed class NaivePosition(StockPosition position, Item item, string segment, double serviceLevel, bool waivesSafetyStock,
    RuleInputs inputs, PeakAdjustments? peak, StockLot[] lots, DateTimeOffset now)
{
    public StockPosition Position { get; } = position;
    public Item Item { get; } = item;
    public string Segment { get; } = segment;
    public double ServiceLevel { get; } = serviceLevel;
    public bool WaivesSafetyStock { get; } = waivesSafetyStock;
    public RuleInputs Inputs { get; } = inputs;
    public PeakAdjustments? Peak { get; } = peak;
    public StockLot[] Lots { get; } = lots;
    public DateTimeOffset Now { get; } = now;
}
