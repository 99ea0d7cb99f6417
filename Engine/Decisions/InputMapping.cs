using InventoryRules.Rules.Inputs;

namespace InventoryRules.Engine.Decisions;

/// <summary>
/// Master data as planner expressions read it: one mapping for the decision path (which fills its inputs
/// in place, so the hot loop allocates nothing) and for the stock rules (reorder, reclassification).
/// </summary>
public static class InputMapping
{
    public static void Fill(ItemInput target, Item item)
    {
        target.Sku = item.Sku.Value;
        target.Category = item.Category;
        target.VelocityClass = item.VelocityClass.ToString();
        target.Perishable = item.Perishable;
        target.ShelfLifeDays = item.ShelfLifeDays ?? 0;
        target.SerialTracked = item.SerialTracked;
        target.Hazmat = item.Hazmat;
        target.ColdChain = item.ColdChain;
        target.UnitCost = item.UnitCost;
        target.UnitPrice = item.UnitPrice;
    }

    /// <summary>The node's own data; what depends on the order (distance, transit, cut-off, capacity left, feed age) is the caller's.</summary>
    public static void Fill(NodeInput target, Node node)
    {
        target.Code = node.Code.Value;
        target.Type = node.Type.Name();
        target.Country = node.Country;
        target.Region = node.Region ?? "";
        target.DutyPaid = node.DutyPaid;
        target.Capabilities = node.Capabilities;
        target.DailyOrderCapacity = node.DailyOrderCapacity;
        target.CostPerOrder = node.CostPerOrder;
        target.CostPerUnit = node.CostPerUnit;
    }
}
