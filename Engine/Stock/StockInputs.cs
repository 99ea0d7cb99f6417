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
        return new RuleInputs
        {
            Item = new ItemInput
            {
                Sku = item.Sku.Value, Category = item.Category, VelocityClass = item.VelocityClass.ToString(), Perishable = item.Perishable,
                ShelfLifeDays = item.ShelfLifeDays ?? 0, SerialTracked = item.SerialTracked, Hazmat = item.Hazmat, ColdChain = item.ColdChain,
                UnitCost = item.UnitCost, UnitPrice = item.UnitPrice,
            },
            Node = new NodeInput
            {
                Code = node.Code.Value, Type = node.Type.Name(), Country = node.Country, Region = node.Region ?? "", DutyPaid = node.DutyPaid,
                Capabilities = node.Capabilities, DailyOrderCapacity = node.DailyOrderCapacity, CapacityLeft = node.DailyOrderCapacity,
                CostPerOrder = node.CostPerOrder, CostPerUnit = node.CostPerUnit,
            },
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
