namespace InventoryRules.Samples;

/// <summary>
/// A span of local time in which one kind of event happens at a node. Windows of one node never
/// overlap, so the order in which the simulation applies movements is also their time order, and a
/// cycle count (which covers everything up to its instant) sees exactly the stock simulated before it.
/// </summary>
internal readonly record struct Window(int FromMinute, int ToMinute)
{
    // Distribution centres and the 3PL (06:00-22:00).
    public static readonly Window DcCount = new(6 * 60, 7 * 60);
    public static readonly Window DcReceipt = new(7 * 60, 12 * 60);
    public static readonly Window DcFound = new(12 * 60, 12 * 60 + 30);
    public static readonly Window DcLoss = new(12 * 60 + 30, 14 * 60);
    public static readonly Window DcShipment = new(14 * 60, 16 * 60);
    public static readonly Window DcTransferOut = new(20 * 60, 22 * 60);

    // Head-office ERP (ASNs); no stock effect, so any office hour.
    public static readonly Window Erp = new(9 * 60, 17 * 60);
    public static readonly Window ErpAfternoon = new(14 * 60, 17 * 60);

    // Stores (08:00-20:00) and dark stores.
    public static readonly Window StoreCount = new(8 * 60, 8 * 60 + 30);
    public static readonly Window StoreReceiving = new(8 * 60 + 30, 10 * 60);
    public static readonly Window StoreGain = new(10 * 60, 14 * 60);
    public static readonly Window StoreLoss = new(14 * 60, 19 * 60);
    public static readonly Window StoreSales = new(19 * 60 + 30, 20 * 60);
    public static readonly Window DarkStoreShipments = new(21 * 60, 22 * 60);

    public int Seconds => (ToMinute - FromMinute) * 60;
}
