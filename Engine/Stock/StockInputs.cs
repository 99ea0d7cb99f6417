using InventoryRules.Engine.Decisions;
using InventoryRules.Rules.Inputs;

namespace InventoryRules.Engine.Stock;

/// <summary>
/// The inputs of rules decided per item and node, outside any order (reorder, reclassification):
/// item, node, position and context. Order, line and customer stay empty.
/// </summary>
public static class StockInputs
{
    public static RuleInputs For(Item item, Node node, StockFigures stock, DateTime localNow)
    {
        var available = Math.Max(0, stock.OnHand - stock.Committed);
        var itemInput = new ItemInput();
        InputMapping.Fill(itemInput, item);
        var nodeInput = new NodeInput();
        InputMapping.Fill(nodeInput, node);
        // Outside an order nothing of today's capacity is spoken for.
        nodeInput.CapacityLeft = node.DailyOrderCapacity;
        return new RuleInputs
        {
            Item = itemInput,
            Node = nodeInput,
            Position = new PositionInput
            {
                OnHand = stock.OnHand, Committed = stock.Committed, Damaged = stock.Damaged, Quarantined = stock.Quarantined,
                InTransit = stock.InTransit, Available = available, BurnRate = stock.BurnRate,
                DaysOfSupply = stock.BurnRate > 0 ? available / stock.BurnRate : 9_999, RemainingShelfLifeDays = stock.RemainingShelfLifeDays,
            },
            Context = new ContextInput { Now = localNow, Hour = localNow.Hour, DayOfWeek = (int)localNow.DayOfWeek },
        };
    }
}

/// <summary>A position's figures as the stock rules read them, in eaches.</summary>
public sealed record StockFigures(long OnHand, long Committed, long Damaged, long Quarantined, long InTransit, double BurnRate,
    int RemainingShelfLifeDays);
