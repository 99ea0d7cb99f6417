namespace InventoryRules.Samples;

/// <summary>
/// A merchandise category and how it behaves: shelf life and cold chain, gross margin range, supplier
/// lead time, where it is ranged (stores, dark stores, the bonded export 3PL), its online share of demand and
/// its customer return rate.
/// </summary>
internal sealed record CategoryProfile(
    string Name,
    int Weight,
    double Popularity,
    int? ShelfLifeDays,
    bool ColdChain,
    double MinMargin,
    double MaxMargin,
    int SupplierLeadDays,
    double StoreRange,
    double OnlineShare,
    double ReturnRate,
    bool DarkStoreRange,
    bool ExportRange,
    string[] Brands,
    ProductTemplate[] Products)
{
    public bool Perishable => ShelfLifeDays is not null;
}
