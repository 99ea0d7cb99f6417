namespace InventoryRules.Engine;

/// <summary>Either a ledger event or the reason it was refused.</summary>
public readonly record struct NormalizeResult(LedgerEvent? Event, EventRejection? Rejection)
{
    public static NormalizeResult Ok(LedgerEvent e) => new(e, null);

    public static NormalizeResult Refused(string code, string field, string message) =>
        new(null, new EventRejection(code, field, message));
}
