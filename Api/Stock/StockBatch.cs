namespace InventoryRules.Api.Stock;

/// <summary>One batch's newly computed rows (whole skus), and the held bucket each of its positions should have.</summary>
internal sealed class StockBatch(SkuScope scope)
{
    public SkuScope Scope { get; } = scope;
    public List<StoredSafetyStock> Safety { get; } = [];
    public List<StoredHold> Holds { get; } = [];
    public List<StoredReorder> Reorders { get; } = [];
    public List<(string Sku, string Node, long Held)> Held { get; } = [];
    public int Positions { get; set; }
    public string LastSku { get; set; } = "";
}
