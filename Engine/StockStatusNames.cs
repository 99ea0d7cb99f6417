namespace InventoryRules.Engine;

/// <summary>Wire names of stock statuses.</summary>
public static class StockStatusNames
{
    public static bool TryParse(string? name, out StockStatus status)
    {
        switch (name)
        {
            case "sellable": status = StockStatus.Sellable; return true;
            case "damaged": status = StockStatus.Damaged; return true;
            case "quarantined": status = StockStatus.Quarantined; return true;
            default: status = default; return false;
        }
    }

    public static string Name(this StockStatus status) => status switch
    {
        StockStatus.Sellable => "sellable",
        StockStatus.Damaged => "damaged",
        _ => "quarantined",
    };
}
