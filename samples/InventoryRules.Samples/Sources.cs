namespace InventoryRules.Samples;

/// <summary>Source systems of the sample feeds (DC and 3PL warehouse systems are named per site).</summary>
internal static class Sources
{
    public const string Pos = "POS";
    public const string StoreScanner = "STORE-SCANNER";
    public const string Erp = "ERP";
    public const string PickApp = "PICK-APP";
}
